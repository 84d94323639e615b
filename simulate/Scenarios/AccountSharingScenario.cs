using LogSentinel.Simulate.Events;
using LogSentinel.Simulate.Rhythm;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate.Scenarios;

/// <summary>
/// The land-registration incident: staff share one account, so it is used at the same time from several
/// workstations (colleagues' desks and another branch), with no delegation covering it.
/// </summary>
internal sealed class AccountSharingScenario : IScenario
{
    private readonly List<PlannedSession> _sessions = [];
    private WorldModel _world = null!;

    public ScenarioKind Kind => ScenarioKind.AccountSharing;

    public void Plan(ScenarioPlanner planner)
    {
        _world = planner.World;
        var rng = planner.Random;
        var account = planner.TargetAccount(a => a.Agency.Kind == AgencyKind.LandRegistration && a.Pattern == WorkPattern.Office);
        var days = planner.By(2, 5, 10);
        var places = planner.By(2, 3, 4);
        var lookups = planner.By(15, 25, 40);

        // Spare desks in the owner's office (hosts above the staff range) and one desk at another branch.
        var ips = new uint[places];
        var agents = new int[places];
        for (var p = 0; p < places; p++)
        {
            var other = _world.Agencies[rng.Next(_world.Agencies.Count)];
            ips[p] = p == 1 && other != account.Agency ? other.Networks[0].Host(rng.Next(200, 240)) : account.Agency.Networks[0].Host(200 + p);
            agents[p] = (account.UserAgent + 1 + p) % UserAgents.BrowserCount;
        }

        var day = planner.StartDay(planner.RandomStartDay(days + 4, workingDay: true));
        var morning = planner.TimeOfDay(8 * SimCalendar.MsPerHour);
        for (var n = 0; n < days && day < planner.Calendar.Days; n++)
        {
            for (var p = 0; p < places; p++)
            {
                var m = planner.At(day, morning + (p * 7 * SimCalendar.MsPerMinute));
                _sessions.Add(new PlannedSession(account, ips[p], agents[p], m, m + (3 * SimCalendar.MsPerHour), lookups));
                var a = planner.At(day, (13 * SimCalendar.MsPerHour) + (45 + (p * 6)) * SimCalendar.MsPerMinute);
                _sessions.Add(new PlannedSession(account, ips[p], agents[p], a, a + (165 * SimCalendar.MsPerMinute), lookups));
            }

            day++;
            while (day < planner.Calendar.Days && !planner.Calendar.IsWorkingDay(day))
            {
                day++;
            }
        }

        var (from, to) = PlannedSessions.Span(_sessions);
        planner.AddLabel("account", account.Name, from, to);
    }

    public void Generate(EventBuffer buffer) => PlannedSessions.Generate(_world, Kind, _sessions, buffer);
}
