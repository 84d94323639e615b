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

    private readonly List<AddressActivity> _addresses = [];
    private int[] _order = new int[64];
    private EventOrder? _byTime;

    public override string Type => AlertTypes.AccountSharing;

    public override void OnApp(in AppEvent e, DetectionContext context)
    {
        if (e.Ip < 0 || e.Account < 0 || e.Kind is not (AppEventKind.Login or AppEventKind.CitizenLookup))
        {
            return;
        }

        _states.Get(e.Account).Add(e.TimestampMs, e.Ip, e.EventKey);
        var minute = e.TimestampMs / WindowSizes.Minute;
        if (_closer.ShouldSchedule(e.Account, minute))
        {
            context.CloseAt(this, e.Account, (minute + 1) * WindowSizes.Minute);
        }
    }

    public override void OnWindowClosed(int entity, long due, DetectionContext context)
    {
        var state = _states.Get(entity);
        var options = context.OptionsFor(context.Entities.AgencyOf(entity, -1)).AccountSharing;
        var windowStart = due - (options.WindowMinutes * WindowSizes.Minute);
        var (active, switches) = Judge(state, windowStart, due, options, context);

        // Every later window starts at least a minute later; earlier events will not be needed again.
        state.DropBefore(windowStart + WindowSizes.Minute);
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
        foreach (var a in _addresses)
        {
            // Switching between networks names every address of the window, however few its events.
            if (a.Events >= options.MinEventsPerAddress || switching)
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

    /// <summary>
    /// Sorts the window's events by time (then address and key, so ties are ordered too), counts each address's
    /// events into <see cref="_addresses"/>, and counts switches between networks of different agencies that follow
    /// each other within the switching time.
    /// </summary>
    private (int Active, int Switches) Judge(AccountSharingState state, long fromMs, long toMs, AccountSharingOptions options, DetectionContext context)
    {
        if (_order.Length < state.Count)
        {
            _order = new int[Math.Max(state.Count, _order.Length * 2)];
        }

        var n = 0;
        for (var i = 0; i < state.Count; i++)
        {
            if (state.Times[i] >= fromMs && state.Times[i] < toMs)
            {
                _order[n++] = i;
            }
        }

        var order = _order.AsSpan(0, n);
        _byTime ??= new EventOrder();
        _byTime.State = state;
        order.Sort(_byTime);

        _addresses.Clear();
        var switches = 0;
        var lastIp = -1;
        var lastMs = long.MinValue;
        string? lastNetwork = null;
        foreach (var i in order)
        {
            var ip = state.Ips[i];
            var found = false;
            for (var a = 0; a < _addresses.Count; a++)
            {
                if (_addresses[a].Ip == ip)
                {
                    var activity = _addresses[a];
                    activity.Events++;
                    _addresses[a] = activity;
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                _addresses.Add(new AddressActivity { Ip = ip, Events = 1, SampleKey = state.Keys[i] });
            }

            var network = context.Entities.NetworkAgency(ip);
            if (lastIp >= 0 && lastIp != ip && !string.Equals(network, lastNetwork, StringComparison.Ordinal)
                && state.Times[i] - lastMs <= options.SwitchMinutes * WindowSizes.Minute)
            {
                switches++;
            }

            lastIp = ip;
            lastNetwork = network;
            lastMs = state.Times[i];
        }

        var active = 0;
        foreach (var a in _addresses)
        {
            active += a.Events >= options.MinEventsPerAddress ? 1 : 0;
        }

        return (active, switches);
    }

    /// <summary>Orders event indexes by time, address and key; reused so sorting allocates nothing.</summary>
    private sealed class EventOrder : IComparer<int>
    {
        public AccountSharingState State { get; set; } = null!;

        public int Compare(int x, int y)
        {
            var byTime = State.Times[x].CompareTo(State.Times[y]);
            if (byTime != 0)
            {
                return byTime;
            }

            var byIp = State.Ips[x].CompareTo(State.Ips[y]);
            return byIp != 0 ? byIp : State.Keys[x].CompareTo(State.Keys[y]);
        }
    }
}
