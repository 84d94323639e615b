using LogSentinel.Simulate.Events;
using LogSentinel.Simulate.Rhythm;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate.Scenarios;

/// <summary>
/// Accounts of staff who transferred or retired, not closed within the five days the rules allow, and still used
/// afterwards: from the old desk (retired) or from the new office (transferred).
/// </summary>
internal sealed class DepartedAccountUseScenario : IScenario
{
    private const int GraceDays = 5;

    private readonly List<PlannedSession> _sessions = [];
    private WorldModel _world = null!;

    public ScenarioKind Kind => ScenarioKind.DepartedAccountUse;

    public void Plan(ScenarioPlanner planner)
    {
        _world = planner.World;
        var calendar = planner.Calendar;
        var rng = planner.Random;
        var count = planner.Request.Target is null ? planner.By(1, 2, 4) : 1;
        var useDays = planner.By(2, 4, 8);
        var lookups = planner.By(8, 15, 25);
        var first = planner.StartDay(planner.NextWorkingDay(Math.Clamp(calendar.Days / 3, Math.Min(GraceDays + 2, calendar.Days - 1), calendar.Days - 1)));
        var firstTime = planner.TimeOfDay(9 * SimCalendar.MsPerHour + (rng.Next(0, 60) * SimCalendar.MsPerMinute));
        for (var i = 0; i < count; i++)
        {
            var account = i == 0 ? planner.TargetAccount(a => a.Pattern == WorkPattern.Office) : planner.PickAccount(a => a.Pattern == WorkPattern.Office);
            var transferred = rng.Chance(0.5);
            var since = first - GraceDays - rng.Next(1, 10);
            account.Status = transferred ? AccountStatus.Transferred : AccountStatus.Retired;
            account.StatusSince = calendar.Date(since);
            account.LastWorkDay = since - 1;
            var newOffice = _world.Agencies[rng.Next(_world.Agencies.Count)];
            var ip = transferred ? newOffice.Networks[0].Host(rng.Next(200, 240)) : account.HomeIp;

            var sessions = new List<PlannedSession>();
            var day = first;
            for (var n = 0; n < useDays && day < calendar.Days; n++)
            {
                var start = n == 0 && i == 0
                    ? planner.At(day, firstTime)
                    : planner.At(day, (rng.Chance(0.5) ? 9 : 14) * SimCalendar.MsPerHour + (rng.Next(0, 90) * SimCalendar.MsPerMinute));
                sessions.Add(new PlannedSession(account, ip, account.UserAgent, start, start + (lookups * 40_000L), lookups));
                day = planner.NextWorkingDay(day + 1 + rng.Next(0, 2));
                if (!calendar.IsWorkingDay(day))
                {
                    break;
                }
            }

            var (from, to) = PlannedSessions.Span(sessions);
            planner.AddLabel("account", account.Name, from, to);
            _sessions.AddRange(sessions);
        }
    }

    public void Generate(EventBuffer buffer) => PlannedSessions.Generate(_world, Kind, _sessions, buffer);
}
