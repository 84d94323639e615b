using LogSentinel.Simulate.Events;
using LogSentinel.Simulate.Randomness;
using LogSentinel.Simulate.Rhythm;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate.Scenarios;

/// <summary>
/// Password guessing from one compromised workstation inside an office network: a tool cycles through real
/// account names of the province at a steady pace, and every attempt fails.
/// </summary>
internal sealed class BruteForceScenario : IScenario
{
    private WorldModel _world = null!;
    private Account[] _targets = [];
    private uint _ip;
    private int _userAgent;
    private int _attempts;
    private int _spacingMs;
    private long _startMs;
    private int _day;

    public ScenarioKind Kind => ScenarioKind.BruteForce;

    public void Plan(ScenarioPlanner planner)
    {
        _world = planner.World;
        var rng = planner.Random;
        _ip = planner.TargetLanHost();
        _attempts = planner.By(60, 600, 3000);
        _spacingMs = planner.By(10_000, 5_000, 3_000);
        _userAgent = UserAgents.FirstBot + rng.Next(UserAgents.BotCount);
        _targets = new Account[Math.Min(10, _world.HumanCount)];
        for (var i = 0; i < _targets.Length; i++)
        {
            _targets[i] = _world.Accounts[rng.Next(_world.HumanCount)];
        }

        _day = planner.StartDay(planner.RandomStartDay(2, workingDay: false));
        _startMs = planner.At(_day, planner.TimeOfDay((20 * SimCalendar.MsPerHour) + (rng.Next(0, 120) * SimCalendar.MsPerMinute)));
        // The label ends once the application has logged the last attempt too.
        var end = _startMs + ((long)(_attempts - 1) * _spacingMs) + (_spacingMs / 3) + 1_000;
        planner.AddLabel("ip", Ipv4.ToText(_ip), _startMs, end);
    }

    public void Generate(EventBuffer buffer)
    {
        // Three hours of attempts can cross midnight: both days replay the same stream and keep their part.
        if (buffer.Day != _day && buffer.Day != _day + 1)
        {
            return;
        }

        var rng = SeedMixer.Stream(_world.Seed, StreamPurpose.Scenario, (ulong)Kind, (ulong)_day);
        for (var i = 0; i < _attempts; i++)
        {
            var t = _startMs + ((long)i * _spacingMs) + rng.Next(0, (_spacingMs / 3) + 1);
            buffer.AddLoginFailed(rng, t, _targets[i % _targets.Length], _ip, _userAgent);
        }
    }
}
