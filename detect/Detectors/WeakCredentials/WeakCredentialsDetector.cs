using System.Globalization;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.WeakCredentials;

/// <summary>
/// <c>weak_credentials</c>: a successful login that reports the issued (default) password, or a password older
/// than the policy allows. A policy violation: nothing shows an attack, but the account is easy to take over.
/// </summary>
internal sealed partial class WeakCredentialsDetector : Detector
{
    private readonly EntityStates<WeakCredentialsState> _states = new(() => new WeakCredentialsState());

    public override string Type => AlertTypes.WeakCredentials;

    public override void OnApp(in AppEvent e, DetectionContext context)
    {
        if (e.Kind != AppEventKind.Login || e.Account < 0)
        {
            return;
        }

        var options = context.OptionsFor(context.Entities.AgencyOf(e.Account, e.Agency)).WeakCredentials;
        var isDefault = options.ReportDefaultPassword && e.DefaultPassword == 1;
        var isOld = e.PasswordAgeDays > options.MaxPasswordAgeDays;
        if (!isDefault && !isOld)
        {
            return;
        }

        var minute = e.TimestampMs / WindowSizes.Minute;
        ref var window = ref _states.Get(e.Account).Window(minute);
        if (window.Logins == 0)
        {
            // A new window, even of a minute before the latest (events arrive out of order within the lateness).
            window.FirstMs = e.TimestampMs;
            window.SampleKey = e.EventKey;
            window.Ip = e.Ip;
            context.CloseAt(this, e.Account, (minute + 1) * WindowSizes.Minute);
        }

        window.Logins++;
        window.DefaultPassword |= isDefault;
        window.MaxAgeDays = Math.Max(window.MaxAgeDays, e.PasswordAgeDays);
    }

    public override void OnWindowClosed(int entity, long due, DetectionContext context)
    {
        if (!_states.Get(entity).TryClose((due / WindowSizes.Minute) - 1, out var state) || state.Logins == 0)
        {
            return;
        }

        var maxAge = context.OptionsFor(context.Entities.AgencyOf(entity, -1)).WeakCredentials.MaxPasswordAgeDays;
        var name = context.Entities.Accounts.Name(entity);
        var evidence = new AlertEvidence();
        evidence.Counts["weak_logins"] = state.Logins;
        evidence.Counts["password_age_days"] = state.MaxAgeDays;
        evidence.Accounts.Add(name);
        if (state.Ip >= 0)
        {
            evidence.Addresses.Add(context.Entities.Ips.Name(state.Ip));
        }

        evidence.SampleEventKeys.Add(Scores.Hex(state.SampleKey));
        var features = new List<AlertFeature>();
        string en;
        string vi;
        int score;
        if (state.DefaultPassword)
        {
            features.Add(new AlertFeature("default_password", 1, 0, "=="));
            en = $"Account {name} logged in with the password it was issued with; the default password was never changed.";
            vi = $"Tài khoản {name} đăng nhập bằng mật khẩu được cấp ban đầu; mật khẩu mặc định chưa bao giờ được thay đổi.";
            score = 65;
        }
        else
        {
            en = string.Create(CultureInfo.InvariantCulture, $"Account {name} logged in with a password {state.MaxAgeDays} days old (policy: change at least every {maxAge} days).");
            vi = string.Create(CultureInfo.InvariantCulture, $"Tài khoản {name} đăng nhập bằng mật khẩu đã dùng {state.MaxAgeDays} ngày (quy định: đổi ít nhất {maxAge} ngày một lần).");
            score = Scores.Scale(state.MaxAgeDays, maxAge, 40, 60);
        }

        if (state.MaxAgeDays >= 0)
        {
            features.Add(new AlertFeature("password_age_days", state.MaxAgeDays, maxAge, "<="));
        }

        context.Raise(new AlertCandidate(AlertTypes.WeakCredentials, EntityKinds.Account, name, context.Entities.AgencyOf(entity, -1),
            due - WindowSizes.Minute, due, score, new AlertExplanation(features, en, vi), evidence, IncidentCategory.PolicyViolation));
    }
}
