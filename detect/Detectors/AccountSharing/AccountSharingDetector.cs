using System.Globalization;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.AccountSharing;

/// <summary>
/// <c>account_sharing</c>: one account active from several addresses within the same sliding window, each with
/// enough events to be real use, or switching back and forth between networks of different agencies (or none
/// registered) within minutes, when no delegation of that account covers the window. A policy violation unless
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
        var network = context.Entities.NetworkAgency(e.Ip);
        if (state.LastIp >= 0 && state.LastIp != e.Ip && !string.Equals(network, state.LastNetwork, StringComparison.Ordinal)
            && e.TimestampMs - state.LastMs <= context.Options.AccountSharing.SwitchMinutes * WindowSizes.Minute)
        {
            state.Switches ??= new long[context.Options.AccountSharing.MinNetworkSwitches];
            state.Switches[state.SwitchCount % state.Switches.Length] = e.TimestampMs;
            state.SwitchCount++;
        }

        state.LastIp = e.Ip;
        state.LastNetwork = network;
        state.LastMs = Math.Max(state.LastMs, e.TimestampMs);
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
        var switches = state.SwitchesSince(windowStart);
        var switching = switches >= options.MinNetworkSwitches;
        if ((active < options.MinAddresses && !switching) || windowStart < state.ReportedUntilMs)
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
            // Switching between networks names every address of the window, however few its events.
            if (a.ActiveSince(windowStart) || (switching && a.Recent[(a.Count - 1) % a.Recent.Length] >= windowStart))
            {
                evidence.Addresses.Add(entities.Ips.Name(a.Ip));
                evidence.SampleEventKeys.Add(Scores.Hex(a.SampleKey));
                networks.Add(entities.NetworkAgency(a.Ip) ?? "unregistered");
            }
        }

        evidence.Counts["networks"] = networks.Count;
        evidence.Counts["network_switches"] = switches;
        var features = new List<AlertFeature>
        {
            new($"active_addresses_{options.WindowMinutes}m", active, options.MinAddresses - 1, "<="),
            new("distinct_networks", networks.Count, 1, "<="),
            new($"network_switches_within_{options.SwitchMinutes}m", switches, options.MinNetworkSwitches - 1, "<="),
            new("covering_delegation", 0, 1, "=="),
        };
        var addresses = string.Join(", ", evidence.Addresses);
        var local = context.Local(windowStart);
        var switchEn = switching
            ? string.Create(CultureInfo.InvariantCulture, $"; it switched {switches} times between networks of different agencies within {options.SwitchMinutes} minutes, which one person at one desk cannot do")
            : string.Empty;
        var switchVi = switching
            ? string.Create(CultureInfo.InvariantCulture, $"; tài khoản chuyển {switches} lần giữa mạng của các cơ quan khác nhau trong vòng {options.SwitchMinutes} phút, điều một người tại một máy không thể làm")
            : string.Empty;
        var count = evidence.Addresses.Count;
        var en = string.Create(CultureInfo.InvariantCulture,
            $"Account {name} was used from {count} addresses at once ({addresses}) within {options.WindowMinutes} minutes from {local:yyyy-MM-dd HH:mm}, with no delegation covering it{switchEn}: the account appears to be shared.");
        var vi = string.Create(CultureInfo.InvariantCulture,
            $"Tài khoản {name} được sử dụng đồng thời từ {count} địa chỉ ({addresses}) trong {options.WindowMinutes} phút từ {local:yyyy-MM-dd HH:mm} mà không có văn bản ủy quyền{switchVi}: tài khoản có dấu hiệu bị dùng chung.");
        context.Raise(new AlertCandidate(AlertTypes.AccountSharing, EntityKinds.Account, name, entities.AgencyOf(entity, -1), windowStart, due,
            Scores.Scale(Math.Max(active, count), options.MinAddresses, 50, 80) + (networks.Count > 1 ? 10 : 0) + (switching ? 5 : 0),
            new AlertExplanation(features, en, vi), evidence, IncidentCategory.PolicyViolation));
    }
}
