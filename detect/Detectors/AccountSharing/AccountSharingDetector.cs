using System.Globalization;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.AccountSharing;

/// <summary>
/// <c>account_sharing</c>: one account active from several addresses within the same sliding window, each with
/// enough events to be real use, when no delegation of that account covers the window. A policy violation unless
/// other alerts show an attack.
/// </summary>
internal sealed partial class AccountSharingDetector : Detector
{
    private readonly EntityStates<AccountSharingState> _states = new(() => new AccountSharingState());
    private readonly MinuteCloser _closer = new();

    public override string Type => AlertTypes.AccountSharing;

    public override void OnApp(in AppEvent e, DetectionContext context)
    {
        if (e.Ip < 0 || e.Account < 0 || e.Kind is not (AppEventKind.Login or AppEventKind.CitizenLookup))
        {
            return;
        }

        var state = _states.Get(e.Account);
        AddressActivity? activity = null;
        foreach (var a in state.Addresses)
        {
            if (a.Ip == e.Ip)
            {
                activity = a;
                break;
            }
        }

        if (activity is null)
        {
            activity = new AddressActivity(e.Ip, context.Options.AccountSharing.MinEventsPerAddress) { SampleKey = e.EventKey };
            state.Addresses.Add(activity);
        }

        activity.Add(e.TimestampMs);
        activity.Session = e.Session;
        var minute = e.TimestampMs / WindowSizes.Minute;
        if (_closer.ShouldSchedule(e.Account, minute))
        {
            context.CloseAt(this, e.Account, (minute + 1) * WindowSizes.Minute);
        }
    }

    public override void OnWindowClosed(int entity, long due, DetectionContext context)
    {
        var state = _states.Get(entity);
        var options = context.Options.AccountSharing;
        var windowStart = due - (options.WindowMinutes * WindowSizes.Minute);
        var active = 0;
        var kept = 0;
        for (var i = 0; i < state.Addresses.Count; i++)
        {
            var a = state.Addresses[i];
            var last = a.Recent[(a.Count - 1) % a.Recent.Length];
            if (last < windowStart)
            {
                // Gone quiet: forget it, so the list holds only the window's addresses.
                continue;
            }

            state.Addresses[kept++] = a;
            active += a.ActiveSince(windowStart) ? 1 : 0;
        }

        state.Addresses.RemoveRange(kept, state.Addresses.Count - kept);
        if (active < options.MinAddresses || windowStart < state.ReportedUntilMs)
        {
            return;
        }

        var entities = context.Entities;
        var name = entities.Accounts.Name(entity);
        if (entities.Reference.FindDelegation(name, windowStart, due) is not null)
        {
            return;
        }

        state.ReportedUntilMs = due;
        var evidence = new AlertEvidence();
        evidence.Counts["addresses"] = active;
        evidence.Accounts.Add(name);
        var networks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in state.Addresses)
        {
            if (a.ActiveSince(windowStart))
            {
                evidence.Addresses.Add(entities.Ips.Name(a.Ip));
                evidence.SampleEventKeys.Add(Scores.Hex(a.SampleKey));
                networks.Add(entities.NetworkAgency(a.Ip) ?? "unregistered");
            }
        }

        evidence.Counts["networks"] = networks.Count;
        var features = new List<AlertFeature>
        {
            new($"active_addresses_{options.WindowMinutes}m", active, options.MinAddresses - 1, "<="),
            new("distinct_networks", networks.Count, 1, "<="),
            new("covering_delegation", 0, 1, "=="),
        };
        var addresses = string.Join(", ", evidence.Addresses);
        var local = context.Local(windowStart);
        var en = string.Create(CultureInfo.InvariantCulture,
            $"Account {name} was used from {active} addresses at once ({addresses}) within {options.WindowMinutes} minutes from {local:yyyy-MM-dd HH:mm}, with no delegation covering it: the account appears to be shared.");
        var vi = string.Create(CultureInfo.InvariantCulture,
            $"Tài khoản {name} được sử dụng đồng thời từ {active} địa chỉ ({addresses}) trong {options.WindowMinutes} phút từ {local:yyyy-MM-dd HH:mm} mà không có văn bản ủy quyền: tài khoản có dấu hiệu bị dùng chung.");
        context.Raise(new AlertCandidate(AlertTypes.AccountSharing, EntityKinds.Account, name, entities.AgencyOf(entity, -1), windowStart, due,
            Scores.Scale(active, options.MinAddresses, 50, 80) + (networks.Count > 1 ? 10 : 0), new AlertExplanation(features, en, vi), evidence,
            IncidentCategory.PolicyViolation));
    }
}
