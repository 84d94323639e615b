using LogSentinel.Simulate.Events;
using LogSentinel.Simulate.Randomness;
using LogSentinel.Simulate.Rhythm;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate.Scenarios;

/// <summary>
/// The tax-office incident: an Excel workbook with a VBScript loop calls the lookup API through WinHttp or MSXML,
/// at machine-regular spacing, over a sequence or a list of ids, on one or more evenings, from the officer's desk.
/// </summary>
internal sealed class ScriptedBulkLookupScenario : IScenario
{
    private const int JitterMs = 15;

    private readonly List<(long StartMs, int Day)> _runs = [];
    private WorldModel _world = null!;
    private Account _account = null!;
    private int _count;
    private int _intervalMs;
    private int _userAgent;
    private bool _sequential;
    private long _firstId;

    public ScenarioKind Kind => ScenarioKind.ScriptedBulkLookup;

    public void Plan(ScenarioPlanner planner)
    {
        _world = planner.World;
        var rng = planner.Random;
        _account = planner.TargetAccount(a => a.Agency.Kind == AgencyKind.Tax && a.Pattern == WorkPattern.Office);
        var runs = planner.By(1, 3, 5);
        _count = planner.By(300, 1200, 3000);
        _intervalMs = planner.By(4000, 2000, 1000);
        _userAgent = rng.Chance(0.6) ? UserAgents.WinHttp : UserAgents.MsOffice;
        _sequential = rng.Chance(0.5);
        _firstId = CitizenIds.Next(rng, _account.Agency.Province.CitizenCode, 1.0);
        var timeOfDay = planner.TimeOfDay((18 * SimCalendar.MsPerHour) + (30 * SimCalendar.MsPerMinute) + rng.Next(0, 120) * SimCalendar.MsPerMinute);
        var day = planner.StartDay(planner.RandomStartDay(runs + 2, workingDay: true));
        for (var r = 0; r < runs && day < planner.Calendar.Days; r++)
        {
            _runs.Add((planner.At(day, timeOfDay), day));
            day = NextEvening(planner.Calendar, day + 1);
        }

        // The label ends once the application has logged the last lookup too.
        var last = _runs[^1].StartMs + 3_000 + ((long)(_count - 1) * _intervalMs) + JitterMs + 1_000;
        planner.AddLabel("account", _account.Name, _runs[0].StartMs, last);
    }

    public void Generate(EventBuffer buffer)
    {
        for (var r = 0; r < _runs.Count; r++)
        {
            var (start, day) = _runs[r];
            if (day != buffer.Day && day != buffer.Day - 1)
            {
                continue;
            }

            var rng = SeedMixer.Stream(_world.Seed, StreamPurpose.Scenario, (ulong)Kind, (ulong)r);
            var session = SessionIds.For(_world.Seed, 0x5C00_0000UL | (ulong)_account.Index, day, 99);
            var ip = _account.HomeIp;
            buffer.AddLogin(rng, start, _account, ip, _userAgent, session, WorkScheduler.PasswordAge(_account, day),
                _account.IsWeakOn(day) && _account.WeakDefaultPassword);
            var id = _sequential ? Advance(_firstId, r * _count) : 0;
            var list = SeedMixer.Stream(_world.Seed, StreamPurpose.Scenario, (ulong)Kind, 0x4C495354UL + (ulong)r);
            for (var i = 0; i < _count; i++)
            {
                var citizen = _sequential ? id : CitizenIds.Next(list, _account.Agency.Province.CitizenCode, 0.9);
                var t = start + 3_000 + ((long)i * _intervalMs) + rng.Next(-JitterMs, JitterMs + 1);
                buffer.AddLookup(rng, t, _account, ip, _userAgent, session, citizen);
                id = CitizenIds.Successor(id);
            }
        }
    }

    private static long Advance(long id, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            id = CitizenIds.Successor(id);
        }

        return id;
    }

    private static int NextEvening(SimCalendar calendar, int day)
    {
        while (day < calendar.Days && !calendar.IsWorkingDay(day))
        {
            day++;
        }

        return day;
    }
}
