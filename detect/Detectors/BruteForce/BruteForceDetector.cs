using System.Globalization;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.BruteForce;

/// <summary>
/// <c>brute_force</c>: a burst of failed logins from one address (or against one account) within a sliding
/// window, and a successful login from that address or on that account soon after a burst. Application
/// <c>login_failed</c> and <c>login</c> events are scored; the gateway's copy of the same request is not counted again.
/// </summary>
internal sealed partial class BruteForceDetector : Detector
{
    private EntityStates<BruteForceState>? _states;
    private readonly MinuteCloser _closer = new();

    public override string Type => AlertTypes.BruteForce;

    public override void OnApp(in AppEvent e, DetectionContext context)
    {
        if (e.Kind is not (AppEventKind.LoginFailed or AppEventKind.Login))
        {
            return;
        }

        var options = context.Options.BruteForce;
        _states ??= CreateStates(options.WindowMinutes);
        if (e.Ip >= 0)
        {
            Fold(in e, IpKey(e.Ip), e.Account, context);
        }

        if (e.Account >= 0)
        {
            Fold(in e, AccountKey(e.Account), e.Ip, context);
        }
    }

    public override void OnWindowClosed(int entity, long due, DetectionContext context)
    {
        var state = _states!.Get(entity);
        var isIp = (entity & 1) == 0;
        var options = context.OptionsFor(isIp ? context.Entities.NetworkAgency(entity >> 1) : context.Entities.AgencyOf(entity >> 1, -1)).BruteForce;
        var threshold = isIp ? options.IpFailures : options.AccountFailures;
        var lastMinute = (due / WindowSizes.Minute) - 1;
        var failures = state.Failures.Sum(lastMinute, options.WindowMinutes).Count;
        var windowStart = due - (options.WindowMinutes * WindowSizes.Minute);
        if (failures >= threshold)
        {
            state.BurstEndMs = due;
            if (windowStart >= state.ReportedUntilMs)
            {
                state.ReportedUntilMs = due;
                context.Raise(Candidate(entity, state, failures, threshold, windowStart, due, success: false, options, context));
            }
        }

        var successWindow = options.SuccessAfterBurstMinutes * WindowSizes.Minute;
        if (state.SuccessMs != long.MinValue && state.SuccessMs < due)
        {
            var afterBurst = state.BurstEndMs != long.MinValue
                && state.SuccessMs >= state.BurstEndMs - (options.WindowMinutes * WindowSizes.Minute)
                && state.SuccessMs - state.BurstEndMs <= successWindow;
            if (afterBurst)
            {
                context.Raise(Candidate(entity, state, failures, threshold, windowStart, due, success: true, options, context));
            }

            state.SuccessMs = long.MinValue;
        }
    }

    private void Fold(in AppEvent e, int entity, int counterpart, DetectionContext context)
    {
        var state = _states!.Get(entity);
        var minute = e.TimestampMs / WindowSizes.Minute;
        if (e.Kind == AppEventKind.LoginFailed)
        {
            state.Failures.At(minute).Count++;
            if (counterpart >= 0 && state.Counterparts.Count < 20 && !state.Counterparts.Contains(counterpart))
            {
                state.Counterparts.Add(counterpart);
            }

            state.SampleKeys[state.Samples % state.SampleKeys.Length] = e.EventKey;
            state.Samples++;
        }
        else
        {
            // Judged when this minute closes: by then every earlier window, and so any burst before it, has closed.
            state.SuccessMs = e.TimestampMs;
            state.SuccessCounterpart = counterpart;
            state.SuccessKey = e.EventKey;
        }

        if (_closer.ShouldSchedule(entity, minute))
        {
            context.CloseAt(this, entity, (minute + 1) * WindowSizes.Minute);
        }
    }

    private static int IpKey(int ip) => ip * 2;

    private static int AccountKey(int account) => (account * 2) + 1;

    private static AlertCandidate Candidate(
        int entity, BruteForceState state, long failures, int threshold, long windowStart, long windowEnd, bool success, BruteForceOptions options, DetectionContext context)
    {
        var entities = context.Entities;
        var isIp = (entity & 1) == 0;
        var id = entity >> 1;
        var name = isIp ? entities.Ips.Name(id) : entities.Accounts.Name(id);
        var agency = isIp ? entities.NetworkAgency(id) ?? string.Empty : entities.AgencyOf(id, -1);
        var minutes = options.WindowMinutes;
        var evidence = new AlertEvidence();
        evidence.Counts["failed_logins"] = failures;
        evidence.Counts["targets"] = state.Counterparts.Count;
        foreach (var other in state.Counterparts)
        {
            (isIp ? evidence.Accounts : evidence.Addresses).Add(isIp ? entities.Accounts.Name(other) : entities.Ips.Name(other));
        }

        if (isIp)
        {
            evidence.Addresses.Add(name);
        }
        else
        {
            evidence.Accounts.Add(name);
        }

        for (var i = 0; i < Math.Min(state.Samples, state.SampleKeys.Length); i++)
        {
            evidence.SampleEventKeys.Add(Scores.Hex(state.SampleKeys[i]));
        }

        var features = new List<AlertFeature>
        {
            new($"failed_logins_{minutes}m", failures, threshold, ">="),
            new("distinct_targets", state.Counterparts.Count, 1, ">="),
        };
        var what = isIp ? $"address {name}" : $"account {name}";
        var whatVi = isIp ? $"địa chỉ {name}" : $"tài khoản {name}";
        var local = context.Local(windowStart);
        string en;
        string vi;
        int score;
        if (success)
        {
            features.Add(new AlertFeature("login_success_after_burst", 1, 0, "=="));
            evidence.SampleEventKeys.Add(Scores.Hex(state.SuccessKey));
            var who = state.SuccessCounterpart < 0 ? string.Empty
                : isIp ? entities.Accounts.Name(state.SuccessCounterpart) : entities.Ips.Name(state.SuccessCounterpart);
            evidence.Counts["successful_logins_after_burst"] = 1;
            en = $"A login succeeded from {what} ({who}) within {options.SuccessAfterBurstMinutes} minutes of a burst of failed logins: the password may have been guessed.";
            vi = $"Đăng nhập thành công từ {whatVi} ({who}) trong vòng {options.SuccessAfterBurstMinutes} phút sau một loạt đăng nhập thất bại: mật khẩu có thể đã bị dò ra.";
            score = 95;
        }
        else
        {
            en = string.Create(CultureInfo.InvariantCulture,
                $"{failures} failed logins from {what} against {state.Counterparts.Count} target(s) in {minutes} minutes from {local:yyyy-MM-dd HH:mm} (normal: fewer than {threshold}).");
            vi = string.Create(CultureInfo.InvariantCulture,
                $"{failures} lần đăng nhập thất bại từ {whatVi} vào {state.Counterparts.Count} đối tượng trong {minutes} phút từ {local:yyyy-MM-dd HH:mm} (bình thường: dưới {threshold}).");
            score = Scores.Scale(failures, threshold, 55, 90);
        }

        return new AlertCandidate(AlertTypes.BruteForce, isIp ? EntityKinds.Ip : EntityKinds.Account, name, agency, windowStart, windowEnd, score,
            new AlertExplanation(features, en, vi), evidence, IncidentCategory.UnauthorizedAccess);
    }
}
