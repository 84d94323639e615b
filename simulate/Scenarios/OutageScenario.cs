using LogSentinel.Simulate.Events;
using LogSentinel.Simulate.Randomness;
using LogSentinel.Simulate.Rhythm;

namespace LogSentinel.Simulate.Scenarios;

/// <summary>
/// Denial of service against the gateway: a flood of unauthenticated requests from many public addresses, and for
/// longer (up to two days at high intensity) most genuine lookups fail with 503 or 504.
/// </summary>
internal sealed class OutageScenario : IScenario
{
    private World.WorldModel _world = null!;
    private uint[] _bots = [];
    private long _spikeStart;
    private long _spikeEnd;
    private long _surgeEnd;
    private int _ratePerSecond;
    private double _failShare;

    public ScenarioKind Kind => ScenarioKind.Outage;

    public void Plan(ScenarioPlanner planner)
    {
        _world = planner.World;
        var rng = planner.Random;
        var day = planner.StartDay(planner.RandomStartDay(3, workingDay: true));
        _spikeStart = planner.At(day, planner.TimeOfDay((8 * SimCalendar.MsPerHour) + (rng.Next(45, 105) * SimCalendar.MsPerMinute)));
        _spikeEnd = _spikeStart + planner.By(30 * SimCalendar.MsPerMinute, 2 * SimCalendar.MsPerHour, 4 * SimCalendar.MsPerHour);
        _surgeEnd = Math.Min(_spikeStart + planner.By(SimCalendar.MsPerHour, 6 * SimCalendar.MsPerHour, 48 * SimCalendar.MsPerHour), planner.Calendar.EndMs - 1);
        _ratePerSecond = planner.By(60, 120, 250);
        _failShare = planner.By(0.35, 0.65, 0.95);
        _bots = new uint[planner.By(300, 1500, 5000)];
        for (var i = 0; i < _bots.Length; i++)
        {
            _bots[i] = planner.RandomPublicIp();
        }

        planner.AddLabel("gateway", "gateway", _spikeStart, Math.Max(_spikeEnd, _surgeEnd));
    }

    public void Generate(EventBuffer buffer)
    {
        var from = Math.Max(_spikeStart, buffer.DayStartMs);
        var to = Math.Min(_spikeEnd, buffer.DayEndMs);
        if (to <= from)
        {
            return;
        }

        var rng = SeedMixer.Stream(_world.Seed, StreamPurpose.Scenario, (ulong)Kind, (ulong)buffer.Day);
        var count = (long)_ratePerSecond * (to - from) / 1000;
        var span = (int)(to - from);
        for (long i = 0; i < count; i++)
        {
            ref var e = ref buffer.Add(from + rng.Next(span), EventKind.Flood, -1, _bots[rng.Next(_bots.Length)],
                World.UserAgents.FirstBot + rng.Next(World.UserAgents.BotCount));
            e.Purpose = (byte)rng.Next(3);
            var r = rng.Next(100);
            (e.Status, e.LatencyMs, e.BytesOut) = r switch
            {
                < 55 => ((short)503, rng.Next(1, 12), 197),
                < 75 => ((short)429, rng.Next(1, 6), 169),
                < 85 => ((short)502, rng.Next(5, 80), 157),
                < 95 => ((short)504, 60_000, 167),
                _ => ((short)200, rng.Next(40, 900), 612),
            };
        }
    }

    public void Rewrite(EventBuffer buffer)
    {
        var from = Math.Max(_spikeStart, buffer.DayStartMs);
        var to = Math.Min(_surgeEnd, buffer.DayEndMs);
        if (to <= from)
        {
            return;
        }

        var rng = SeedMixer.Stream(_world.Seed, StreamPurpose.Scenario, (ulong)Kind, (ulong)(uint)buffer.Day | (1UL << 32));
        foreach (ref var e in buffer.Events)
        {
            if (e.Kind != EventKind.Lookup || e.TimeMs < from || e.TimeMs >= to || !rng.Chance(_failShare))
            {
                continue;
            }

            var timeout = rng.Chance(0.3);
            e.Status = timeout ? (short)504 : (short)503;
            e.LatencyMs = timeout ? rng.Next(30_000, 60_000) : rng.Next(2, 40);
            e.BytesOut = timeout ? 167 : 197;
            e.Result = LookupResult.Error;
        }
    }
}
