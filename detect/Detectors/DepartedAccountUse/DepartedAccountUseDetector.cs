using System.Globalization;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;
using LogSentinel.Store.Reference;

namespace LogSentinel.Detect.Detectors.DepartedAccountUse;

/// <summary>
/// <c>departed_account_use</c>: application activity on an account whose holder transferred, retired or was
/// disabled, after the grace period the rules allow for closing it. Judged per one-hour tumbling window.
/// </summary>
internal sealed partial class DepartedAccountUseDetector : Detector
{
    private readonly EntityStates<DepartedAccountState> _states = new(() => new DepartedAccountState());

    public override string Type => AlertTypes.DepartedAccountUse;

    public override void OnApp(in AppEvent e, DetectionContext context)
    {
        if (e.Account < 0 || e.Kind is not (AppEventKind.Login or AppEventKind.CitizenLookup or AppEventKind.PasswordChange))
        {
            return;
        }

        var info = context.Entities.Account(e.Account);
        if (info.Record is null || info.Record.Status == AccountStatus.Active)
        {
            return;
        }

        var graceEnd = info.StatusSinceMs + (context.OptionsFor(info.Record.Agency).DepartedAccountUse.GraceDays * WindowSizes.Day);
        if (e.TimestampMs < graceEnd)
        {
            return;
        }

        // Two slots per account, by the hour's parity: an event of the next hour can arrive before the watermark
        // closes this one, and each hour keeps its own counts. A slot still holding the hour before last is stale:
        // that window closed long ago, since the allowed lateness is shorter than an hour.
        var hour = e.TimestampMs / WindowSizes.Hour;
        var state = _states.Get(Slot(e.Account, hour));
        if (state.ScheduledHour != hour)
        {
            state.Clear();
            state.ScheduledHour = hour;
            context.CloseAt(this, e.Account, (hour + 1) * WindowSizes.Hour);
        }

        if (state.Events == 0)
        {
            state.FirstMs = e.TimestampMs;
        }

        state.Events++;
        if (e.Kind == AppEventKind.CitizenLookup)
        {
            state.Lookups++;
            if (e.CitizenRef != 0 && state.CitizenRefs.Count < 20)
            {
                state.CitizenRefs.Add(e.CitizenRef);
            }
        }

        if (e.Ip >= 0 && state.Ips.Count < 10 && !state.Ips.Contains(e.Ip))
        {
            state.Ips.Add(e.Ip);
        }

        if (state.SampleKeys.Count < 5)
        {
            state.SampleKeys.Add(e.EventKey);
        }
    }

    public override void OnWindowClosed(int entity, long due, DetectionContext context)
    {
        var hour = (due / WindowSizes.Hour) - 1;
        var state = _states.Find(Slot(entity, hour));
        if (state is null || state.ScheduledHour != hour)
        {
            return;
        }

        var options = context.OptionsFor(context.Entities.Account(entity).Record?.Agency).DepartedAccountUse;
        if (state.Events < options.MinEvents)
        {
            state.Clear();
            return;
        }

        var info = context.Entities.Account(entity);
        var record = info.Record!;
        var name = record.Account;
        var grace = options.GraceDays;
        var status = ReferenceStatus(record.Status);
        var daysAfter = (state.FirstMs - info.StatusSinceMs) / (double)WindowSizes.Day;
        var evidence = new AlertEvidence();
        evidence.Counts["events"] = state.Events;
        evidence.Counts["lookups"] = state.Lookups;
        evidence.Accounts.Add(name);
        foreach (var ip in state.Ips)
        {
            evidence.Addresses.Add(context.Entities.Ips.Name(ip));
        }

        foreach (var r in state.CitizenRefs)
        {
            evidence.CitizenRefs.Add(Scores.Hex(r));
        }

        foreach (var k in state.SampleKeys)
        {
            evidence.SampleEventKeys.Add(Scores.Hex(k));
        }

        var features = new List<AlertFeature>
        {
            new("days_since_status_change", Math.Round(daysAfter, 1), grace, "<="),
            new("events_after_grace", state.Events, 0, "=="),
        };
        var since = record.StatusSince.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var en = string.Create(CultureInfo.InvariantCulture,
            $"Account {name} is {status.En} since {since} but was used {state.Events} time(s) ({state.Lookups} lookups), {daysAfter:0.#} days after the change; it should have been closed within {grace} days.");
        var vi = string.Create(CultureInfo.InvariantCulture,
            $"Tài khoản {name} đã {status.Vi} từ {since} nhưng vẫn được sử dụng {state.Events} lần ({state.Lookups} lượt tra cứu), {daysAfter:0.#} ngày sau khi thay đổi; lẽ ra phải đóng trong vòng {grace} ngày.");
        var score = Math.Clamp(60 + (int)state.Lookups, 60, 90);
        context.Raise(new AlertCandidate(AlertTypes.DepartedAccountUse, EntityKinds.Account, name, record.Agency, due - WindowSizes.Hour, due, score,
            new AlertExplanation(features, en, vi), evidence, IncidentCategory.UnauthorizedAccess));
        state.Clear();
    }

    private static int Slot(int account, long hour) => (account * 2) + (int)(hour & 1);

    private static (string En, string Vi) ReferenceStatus(AccountStatus status) => status switch
    {
        AccountStatus.Transferred => ("transferred", "chuyển công tác"),
        AccountStatus.Retired => ("retired", "nghỉ hưu"),
        _ => ("disabled", "bị vô hiệu hóa"),
    };
}
