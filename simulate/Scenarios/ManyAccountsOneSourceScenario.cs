using LogSentinel.Simulate.Events;
using LogSentinel.Simulate.Rhythm;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate.Scenarios;

/// <summary>
/// The synced-credentials incident: official accounts of several agencies end up in one place, and one machine
/// logs in as each of them in turn. The source sits inside a registered office network, so only the number of
/// accounts gives it away.
/// </summary>
internal sealed class ManyAccountsOneSourceScenario : IScenario
{
    private readonly List<PlannedSession> _sessions = [];
    private WorldModel _world = null!;

    public ScenarioKind Kind => ScenarioKind.ManyAccountsOneSource;

    public void Plan(ScenarioPlanner planner)
    {
        _world = planner.World;
        var rng = planner.Random;
        var ip = planner.TargetLanHost();
        var count = Math.Min(planner.By(8, 20, 53), Math.Max(2, _world.HumanCount / 4));
        var accounts = new Account[count];
        for (var i = 0; i < count; i++)
        {
            accounts[i] = planner.PickAccount(_ => true);
        }

        var days = planner.By(1, 2, 3);
        var day = planner.StartDay(planner.RandomStartDay(days, workingDay: true));
        var start = planner.TimeOfDay(13 * SimCalendar.MsPerHour + (rng.Next(0, 60) * SimCalendar.MsPerMinute));
        for (var n = 0; n < days && day < planner.Calendar.Days; n++, day++)
        {
            var t = planner.At(day, start);
            foreach (var account in accounts)
            {
                var lookups = rng.Next(3, 11);
                var length = 20_000 + (lookups * (long)rng.Next(15_000, 25_000));
                _sessions.Add(new PlannedSession(account, ip, 0, t, t + length, lookups));
                t += length + rng.Next(20_000, 90_000);
            }
        }

        var (from, to) = PlannedSessions.Span(_sessions);
        planner.AddLabel("ip", Ipv4.ToText(ip), from, to);
    }

    public void Generate(EventBuffer buffer) => PlannedSessions.Generate(_world, Kind, _sessions, buffer);
}
