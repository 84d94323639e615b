using System.Globalization;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.ManyAccountsOneSource;

/// <summary>
/// <c>many_accounts_one_source</c>: one address logging in or looking up as many distinct accounts within a sliding
/// window, the way a machine holding synced credentials of many officers does, or as fewer accounts when they belong
/// to several agencies. Judged at every minute closing, so it decides at the first minute boundary the count is reached.
/// </summary>
internal sealed partial class ManyAccountsOneSourceDetector : Detector
{
    private readonly EntityStates<ManyAccountsState> _states = new(() => new ManyAccountsState());
    private readonly MinuteCloser _closer = new();

    public override string Type => AlertTypes.ManyAccountsOneSource;

    public override void OnApp(in AppEvent e, DetectionContext context)
    {
        if (e.Ip < 0 || e.Account < 0 || e.Kind is not (AppEventKind.Login or AppEventKind.CitizenLookup))
        {
            return;
        }

        var state = _states.Get(e.Ip);
        var sightings = state.Sightings;
        var found = false;
        var earlier = false;
        for (var i = 0; i < sightings.Count; i++)
        {
            if (sightings[i].Account == e.Account)
            {
                var s = sightings[i];
                earlier = e.TimestampMs < s.FirstMs;
                s.FirstMs = Math.Min(s.FirstMs, e.TimestampMs);
                s.LastMs = Math.Max(s.LastMs, e.TimestampMs);
                sightings[i] = s;
                found = true;
                break;
            }
        }

        if (!found)
        {
            sightings.Add(new AccountSighting { Account = e.Account, FirstMs = e.TimestampMs, LastMs = e.TimestampMs });
            if (state.SampleKeys.Count < 20)
            {
                state.SampleKeys.Add(e.EventKey);
            }
        }

        var minute = e.TimestampMs / WindowSizes.Minute;
        if (_closer.ShouldSchedule(e.Ip, minute) || !found || earlier)
        {
            // An account's first minute always gets its boundary, even when it arrives after a later minute's event
            // (within the lateness): the count changes there, and the decision must not depend on arrival order.
            context.CloseAt(this, e.Ip, (minute + 1) * WindowSizes.Minute);
        }
    }

    public override void OnWindowClosed(int entity, long due, DetectionContext context)
    {
        var state = _states.Get(entity);
        var options = context.OptionsFor(context.Entities.NetworkAgency(entity)).ManyAccountsOneSource;
        var windowStart = due - (options.WindowMinutes * WindowSizes.Minute);

        // Forget accounts not seen within the window, so the list stays as small as the window's accounts.
        var kept = 0;
        for (var i = 0; i < state.Sightings.Count; i++)
        {
            if (state.Sightings[i].LastMs >= windowStart)
            {
                state.Sightings[kept++] = state.Sightings[i];
            }
        }

        state.Sightings.RemoveRange(kept, state.Sightings.Count - kept);
        if (state.Sightings.Count == 0)
        {
            state.SampleKeys.Clear();
        }

        // Only accounts first seen before this boundary: events after it may already be in (within the allowed
        // lateness), and counting them would decide earlier than event time allows, differently by arrival order.
        var accounts = 0;
        foreach (var s in state.Sightings)
        {
            if (s.FirstMs < due)
            {
                accounts++;
            }
        }

        var byAgencies = options.MinAgencies > 0 && accounts >= options.MinAgencies && accounts < options.MinAccounts;
        if ((accounts < options.MinAccounts && !byAgencies) || windowStart < state.ReportedUntilMs)
        {
            return;
        }

        var entities = context.Entities;

        // Fewer accounts suffice when they belong to several agencies: a desk is shared within an agency, not across
        // them. Counted without allocating: this runs at every minute of an address with a few accounts.
        if (byAgencies && DistinctAgencies(state, due, entities) < options.MinAgencies)
        {
            return;
        }

        var agencies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in state.Sightings)
        {
            var agency = entities.AgencyOf(s.Account, -1);
            if (s.FirstMs < due && agency.Length > 0)
            {
                agencies.Add(agency);
            }
        }

        state.ReportedUntilMs = due;
        var address = entities.Ips.Name(entity);
        var evidence = new AlertEvidence();
        evidence.Counts["accounts"] = accounts;
        evidence.Addresses.Add(address);
        foreach (var s in state.Sightings)
        {
            if (s.FirstMs < due)
            {
                evidence.Accounts.Add(entities.Accounts.Name(s.Account));
            }
        }

        evidence.Counts["agencies"] = agencies.Count;
        foreach (var k in state.SampleKeys)
        {
            evidence.SampleEventKeys.Add(Scores.Hex(k));
        }

        var features = new List<AlertFeature>
        {
            new($"distinct_accounts_{options.WindowMinutes}m", accounts, byAgencies ? options.MinAgencies : options.MinAccounts, ">="),
            new("distinct_agencies", agencies.Count, byAgencies ? options.MinAgencies : 1, ">="),
        };
        var normal = byAgencies
            ? string.Create(CultureInfo.InvariantCulture, $"normal: fewer than {options.MinAccounts} accounts, or accounts of fewer than {options.MinAgencies} agencies")
            : string.Create(CultureInfo.InvariantCulture, $"normal: fewer than {options.MinAccounts}");
        var normalVi = byAgencies
            ? string.Create(CultureInfo.InvariantCulture, $"bình thường: dưới {options.MinAccounts} tài khoản, hoặc tài khoản của dưới {options.MinAgencies} cơ quan")
            : string.Create(CultureInfo.InvariantCulture, $"bình thường: dưới {options.MinAccounts}");
        var en = string.Create(CultureInfo.InvariantCulture,
            $"Address {address} used {accounts} different accounts of {agencies.Count} agency(ies) within {options.WindowMinutes} minutes ({normal}); their credentials may be stored together in one place.");
        var vi = string.Create(CultureInfo.InvariantCulture,
            $"Địa chỉ {address} đã sử dụng {accounts} tài khoản khác nhau của {agencies.Count} cơ quan trong {options.WindowMinutes} phút ({normalVi}); thông tin đăng nhập của các tài khoản này có thể đang bị lưu chung một chỗ.");
        context.Raise(new AlertCandidate(AlertTypes.ManyAccountsOneSource, EntityKinds.Ip, address, entities.NetworkAgency(entity) ?? string.Empty,
            windowStart, due, Scores.Scale(accounts, options.MinAccounts, 65, 95), new AlertExplanation(features, en, vi), evidence,
            IncidentCategory.UnauthorizedAccess));
    }

    /// <summary>Distinct known agencies of the accounts first seen before <paramref name="due"/> (few: fewer than <c>MinAccounts</c>).</summary>
    private static int DistinctAgencies(ManyAccountsState state, long due, EntityTable entities)
    {
        var count = 0;
        var sightings = state.Sightings;
        for (var i = 0; i < sightings.Count; i++)
        {
            var agency = entities.AgencyOf(sightings[i].Account, -1);
            if (sightings[i].FirstMs >= due || agency.Length == 0)
            {
                continue;
            }

            var seen = false;
            for (var j = 0; j < i && !seen; j++)
            {
                seen = sightings[j].FirstMs < due && string.Equals(entities.AgencyOf(sightings[j].Account, -1), agency, StringComparison.Ordinal);
            }

            count += seen ? 0 : 1;
        }

        return count;
    }
}
