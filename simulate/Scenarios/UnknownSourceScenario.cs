using LogSentinel.Simulate.Events;
using LogSentinel.Simulate.Rhythm;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate.Scenarios;

/// <summary>
/// Traffic from an address outside every registered agency network: someone holding an officer's credentials
/// looks citizens up from the internet, at any hour, over one or more days.
/// </summary>
internal sealed class UnknownSourceScenario : IScenario
{
    private readonly List<PlannedSession> _sessions = [];
    private WorldModel _world = null!;

    public ScenarioKind Kind => ScenarioKind.UnknownSource;

    public void Plan(ScenarioPlanner planner)
    {
        _world = planner.World;
        var rng = planner.Random;
        var ip = planner.TargetPublicIp();
        if (_world.IsRegistered(ip))
        {
            throw new ArgumentException($"Scenario unknown_source: {Ipv4.ToText(ip)} is inside a registered network.");
        }

        var victim = planner.PickAccount(a => a.Pattern == WorkPattern.Office);
        var days = planner.By(1, 3, 6);
        var perDay = planner.By(1, 2, 3);
        var lookups = planner.By(40, 60, 120);
        var first = planner.StartDay(planner.RandomStartDay(days, workingDay: false));
        var firstTime = planner.TimeOfDay(rng.Next(0, 20) * SimCalendar.MsPerHour);
        for (var d = first; d < Math.Min(first + days, planner.Calendar.Days); d++)
        {
            for (var s = 0; s < perDay; s++)
            {
                var start = d == first && s == 0
                    ? planner.At(d, firstTime)
                    : planner.At(d, rng.Next(0, 20) * SimCalendar.MsPerHour + rng.Next(0, 3_600_000));
                var length = lookups * (long)rng.Next(12_000, 25_000);
                _sessions.Add(new PlannedSession(victim, ip, 0, start, start + length, lookups));
            }
        }

        var (from, to) = PlannedSessions.Span(_sessions);
        planner.AddLabel("ip", Ipv4.ToText(ip), from, to);
    }

    public void Generate(EventBuffer buffer) => PlannedSessions.Generate(_world, Kind, _sessions, buffer);
}
