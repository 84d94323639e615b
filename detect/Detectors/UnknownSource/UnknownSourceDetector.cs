using System.Globalization;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.UnknownSource;

/// <summary>
/// <c>unknown_source</c>: authenticated application activity (logins, lookups) from an address outside every
/// registered agency network, judged per tumbling window. Unauthenticated floods are left to <c>outage</c>.
/// With no networks registered nothing can be judged, so the detector stays silent.
/// Besides the decision at the window's end, it decides early, at the first minute boundary by which the window's
/// earliest <c>MinEvents</c> events have all happened (still event time: the watermark has passed that boundary, so
/// every event before it is in, whatever the arrival order); the closing decision then merges into that alert with
/// the full counts.
/// </summary>
internal sealed partial class UnknownSourceDetector : Detector
{
    private readonly EntityStates<UnknownSourceState> _states = new(() => new UnknownSourceState());

    public override string Type => AlertTypes.UnknownSource;

    public override void OnApp(in AppEvent e, DetectionContext context)
    {
        if (e.Ip < 0 || e.Account < 0 || e.Kind is not (AppEventKind.Login or AppEventKind.CitizenLookup)
            || context.Entities.Reference.NetworkCount == 0 || context.Entities.NetworkAgency(e.Ip) is not null)
        {
            return;
        }

        // Two slots per address, by the window's parity: an event of the next window can arrive before the watermark
        // closes this one, and each window keeps its own counts (the allowed lateness is shorter than a window).
        var width = context.Options.UnknownSource.WindowMinutes * WindowSizes.Minute;
        var window = e.TimestampMs / width;
        var state = _states.Get(Slot(e.Ip, window));
        if (state.ScheduledWindow != window)
        {
            state.Clear();
            state.ScheduledWindow = window;
            context.CloseAt(this, e.Ip, (window + 1) * width);
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

        if (state.Accounts.Count < 20 && !state.Accounts.Contains(e.Account))
        {
            state.Accounts.Add(e.Account);
        }

        if (state.SampleKeys.Count < 5)
        {
            state.SampleKeys.Add(e.EventKey);
        }

        var minEvents = context.Options.UnknownSource.MinEvents;
        state.AddEarliest(e.TimestampMs, e.Account, minEvents);
        if (!state.RaisedEarly && state.EarliestTimes.Count == minEvents)
        {
            var boundary = ((state.EarliestTimes[minEvents - 1] / WindowSizes.Minute) + 1) * WindowSizes.Minute;
            if (boundary < (window + 1) * width && boundary < state.EarlyDue)
            {
                state.EarlyDue = boundary;
                context.CloseAt(this, e.Ip, boundary);
            }
        }
    }

    public override void OnWindowClosed(int entity, long due, DetectionContext context)
    {
        var options = context.Options.UnknownSource;
        var width = options.WindowMinutes * WindowSizes.Minute;
        if (due % width != 0)
        {
            DecideEarly(entity, due, context);
            return;
        }

        var closing = (due / (options.WindowMinutes * WindowSizes.Minute)) - 1;
        var state = _states.Find(Slot(entity, closing));
        if (state is null || state.ScheduledWindow != closing)
        {
            return;
        }

        if (state.Events < options.MinEvents)
        {
            state.Clear();
            return;
        }

        var entities = context.Entities;
        var address = entities.Ips.Name(entity);
        var evidence = new AlertEvidence();
        evidence.Counts["events"] = state.Events;
        evidence.Counts["lookups"] = state.Lookups;
        evidence.Counts["accounts"] = state.Accounts.Count;
        evidence.Addresses.Add(address);
        var agency = string.Empty;
        foreach (var a in state.Accounts)
        {
            evidence.Accounts.Add(entities.Accounts.Name(a));
            agency = agency.Length == 0 ? entities.AgencyOf(a, -1) : agency;
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
            new("in_registered_network", 0, 1, "=="),
            new("authenticated_events", state.Events, options.MinEvents, ">="),
        };
        var accounts = string.Join(", ", evidence.Accounts);
        var en = string.Create(CultureInfo.InvariantCulture,
            $"Address {address} is outside every registered agency network, yet {state.Events} authenticated request(s) ({state.Lookups} lookups) came from it using account(s) {accounts}.");
        var vi = string.Create(CultureInfo.InvariantCulture,
            $"Địa chỉ {address} không thuộc mạng đã đăng ký của cơ quan nào, nhưng có {state.Events} yêu cầu đã xác thực ({state.Lookups} lượt tra cứu) từ địa chỉ này bằng tài khoản {accounts}.");
        var score = Scores.Scale(state.Events, options.MinEvents * 5, 60, 90);
        context.Raise(new AlertCandidate(AlertTypes.UnknownSource, EntityKinds.Ip, address, agency, due - width, due, score,
            new AlertExplanation(features, en, vi), evidence, IncidentCategory.UnauthorizedAccess));
        state.Clear();
    }

    /// <summary>The window's first <c>MinEvents</c> events all happened before <paramref name="due"/>: raise now, on them alone.</summary>
    private void DecideEarly(int entity, long due, DetectionContext context)
    {
        var options = context.Options.UnknownSource;
        var width = options.WindowMinutes * WindowSizes.Minute;
        var window = due / width;
        var state = _states.Find(Slot(entity, window));
        if (state is null || state.ScheduledWindow != window || state.RaisedEarly || state.EarliestTimes.Count < options.MinEvents
            || state.EarliestTimes[options.MinEvents - 1] >= due)
        {
            return;
        }

        state.RaisedEarly = true;
        var entities = context.Entities;
        var address = entities.Ips.Name(entity);
        var evidence = new AlertEvidence();
        evidence.Counts["events"] = options.MinEvents;
        evidence.Addresses.Add(address);
        var agency = string.Empty;
        foreach (var a in state.EarliestAccounts)
        {
            var name = entities.Accounts.Name(a);
            if (!evidence.Accounts.Contains(name))
            {
                evidence.Accounts.Add(name);
                agency = agency.Length == 0 ? entities.AgencyOf(a, -1) : agency;
            }
        }

        var features = new List<AlertFeature>
        {
            new("in_registered_network", 0, 1, "=="),
            new("authenticated_events", options.MinEvents, options.MinEvents, ">="),
        };
        var accounts = string.Join(", ", evidence.Accounts);
        var local = context.Local(due);
        var en = string.Create(CultureInfo.InvariantCulture,
            $"Address {address} is outside every registered agency network, yet by {local:HH:mm} {options.MinEvents} authenticated request(s) came from it using account(s) {accounts}; the full count follows when its window closes.");
        var vi = string.Create(CultureInfo.InvariantCulture,
            $"Địa chỉ {address} không thuộc mạng đã đăng ký của cơ quan nào, nhưng đến {local:HH:mm} đã có {options.MinEvents} yêu cầu đã xác thực từ địa chỉ này bằng tài khoản {accounts}; số liệu đầy đủ sẽ có khi cửa sổ thời gian kết thúc.");
        // One point below the closing decision's floor, so that decision's full counts replace these when it merges in.
        context.Raise(new AlertCandidate(AlertTypes.UnknownSource, EntityKinds.Ip, address, agency, window * width, due,
            Scores.Scale(options.MinEvents, options.MinEvents * 5, 60, 90) - 1, new AlertExplanation(features, en, vi), evidence, IncidentCategory.UnauthorizedAccess));
    }

    private static int Slot(int ip, long window) => (ip * 2) + (int)(window & 1);
}
