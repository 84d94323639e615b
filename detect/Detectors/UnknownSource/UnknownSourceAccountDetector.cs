using System.Globalization;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.UnknownSource;

/// <summary>
/// <c>unknown_source</c>, account form: an account with enough history (active days) is used, with at least the
/// minimum of authenticated events in a window, from an address it never used and no account of its agency ever
/// used, outside its agency's registered networks, and no delegation of the account covers the window. Addresses
/// are learned while the history is short, when they lie in the agency's networks, and when the agency already
/// uses them; an address that raised an alert is not learned.
/// </summary>
internal sealed partial class UnknownSourceAccountDetector : Detector
{
    private readonly EntityStates<NewAddressState> _states = new(() => new NewAddressState());
    private readonly EntityStates<HashSet<int>> _agencies = new(() => []);

    public override string Type => AlertTypes.UnknownSource;

    public override void OnApp(in AppEvent e, DetectionContext context)
    {
        if (e.Ip < 0 || e.Account < 0 || e.Kind is not (AppEventKind.Login or AppEventKind.CitizenLookup))
        {
            return;
        }

        var state = _states.Get(e.Account);
        var day = Math.DivRem(e.TimestampMs + (long)context.Options.LocalOffset.TotalMilliseconds, WindowSizes.Day) is var (q, r) && r < 0 ? q - 1 : q;
        var daysBefore = day > state.LastDay ? state.ActiveDays : state.ActiveDays - 1;
        if (day > state.LastDay)
        {
            state.LastDay = day;
            state.ActiveDays++;
        }

        if (e.Agency >= 0)
        {
            state.Agency = e.Agency;
        }

        if (state.Known.Contains(e.Ip))
        {
            return;
        }

        var agency = state.Agency >= 0 ? _agencies.Get(state.Agency) : null;
        var entities = context.Entities;
        if (agency is not null && agency.Contains(e.Ip))
        {
            state.Known.Add(e.Ip);
            return;
        }

        var networkAgency = entities.NetworkAgency(e.Ip);
        if (daysBefore < context.Options.UnknownSource.MinHistoryDays
            || (networkAgency is not null && string.Equals(networkAgency, entities.AgencyOf(e.Account, state.Agency), StringComparison.Ordinal)))
        {
            state.Known.Add(e.Ip);
            agency?.Add(e.Ip);
            return;
        }

        NewAddress? pending = null;
        foreach (var p in state.Pending)
        {
            if (p.Ip == e.Ip)
            {
                pending = p;
                break;
            }
        }

        if (pending is null)
        {
            pending = new NewAddress(e.Ip, e.EventKey, e.TimestampMs);
            state.Pending.Add(pending);
        }

        pending.Events++;
        pending.Lookups += e.Kind == AppEventKind.CitizenLookup ? 1 : 0;
        var width = context.Options.UnknownSource.WindowMinutes * WindowSizes.Minute;
        var window = e.TimestampMs / width;
        if (window > state.ScheduledWindow)
        {
            state.ScheduledWindow = window;
            context.CloseAt(this, e.Account, (window + 1) * width);
        }
    }

    public override void OnWindowClosed(int entity, long due, DetectionContext context)
    {
        var state = _states.Get(entity);
        if (state.Pending.Count == 0)
        {
            return;
        }

        var options = context.Options.UnknownSource;
        var width = options.WindowMinutes * WindowSizes.Minute;
        var entities = context.Entities;
        var name = entities.Accounts.Name(entity);
        var accountAgency = entities.AgencyOf(entity, state.Agency);
        var evidence = new AlertEvidence();
        var events = 0L;
        var lookups = 0L;
        var networks = new List<string>();
        foreach (var p in state.Pending)
        {
            if (p.Events >= options.MinEvents)
            {
                events += p.Events;
                lookups += p.Lookups;
                evidence.Addresses.Add(entities.Ips.Name(p.Ip));
                evidence.SampleEventKeys.Add(Scores.Hex(p.SampleKey));
                networks.Add(entities.NetworkAgency(p.Ip) ?? "unregistered");
            }
        }

        state.Pending.Clear();
        if (evidence.Addresses.Count == 0 || entities.Reference.FindDelegation(name, due - width, due) is not null)
        {
            return;
        }

        evidence.Accounts.Add(name);
        evidence.Counts["events"] = events;
        evidence.Counts["lookups"] = lookups;
        evidence.Counts["new_addresses"] = evidence.Addresses.Count;
        evidence.Counts["known_addresses"] = state.Known.Count;
        evidence.Counts["active_days"] = state.ActiveDays;
        var features = new List<AlertFeature>
        {
            new("address_seen_for_account_or_agency", 0, 1, "=="),
            new("in_agency_network", 0, 1, "=="),
            new("active_days", state.ActiveDays, options.MinHistoryDays, ">="),
            new($"events_from_new_address_{options.WindowMinutes}m", events, options.MinEvents, ">="),
        };
        var addresses = string.Join(", ", evidence.Addresses);
        var where = string.Join(", ", networks);
        var en = string.Create(CultureInfo.InvariantCulture,
            $"Account {name} of {accountAgency}, known for {state.ActiveDays} active days from {state.Known.Count} address(es), made {events} authenticated request(s) ({lookups} lookups) from {addresses} ({where}), an address neither it nor its agency ever used and outside the agency's registered networks.");
        var vi = string.Create(CultureInfo.InvariantCulture,
            $"Tài khoản {name} của {accountAgency}, đã hoạt động {state.ActiveDays} ngày từ {state.Known.Count} địa chỉ, thực hiện {events} yêu cầu đã xác thực ({lookups} lượt tra cứu) từ {addresses} ({where}), địa chỉ mà tài khoản và cơ quan chưa từng sử dụng, nằm ngoài mạng đã đăng ký của cơ quan.");
        var score = Scores.Scale(events, options.MinEvents * 5, 55, 85) + (networks.Contains("unregistered") ? 5 : 0);
        context.Raise(new AlertCandidate(AlertTypes.UnknownSource, EntityKinds.Account, name, accountAgency, due - width, due, score,
            new AlertExplanation(features, en, vi), evidence, IncidentCategory.UnauthorizedAccess));
    }
}
