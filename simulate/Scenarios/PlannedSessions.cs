using LogSentinel.Simulate.Events;
using LogSentinel.Simulate.Randomness;
using LogSentinel.Simulate.Rhythm;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate.Scenarios;

/// <summary>
/// Emits planned sessions: login at the start, human-paced lookups inside, logout a second before the end (so the
/// application's copy, logged a moment after the gateway's, still falls inside the label). Each session draws from
/// its own stream, so a session crossing midnight comes out the same from both days.
/// </summary>
internal static class PlannedSessions
{
    public static void Generate(WorldModel world, ScenarioKind kind, IReadOnlyList<PlannedSession> sessions, EventBuffer buffer)
    {
        LookupRun? run = null;
        for (var i = 0; i < sessions.Count; i++)
        {
            var s = sessions[i];
            if (s.EndMs < buffer.DayStartMs || s.StartMs >= buffer.DayEndMs)
            {
                continue;
            }

            run ??= new LookupRun();
            var rng = SeedMixer.Stream(world.Seed, StreamPurpose.Scenario, ((ulong)kind << 32) | (uint)i, 0x5E55);
            var day = world.Calendar.DayOf(s.StartMs);
            var session = SessionIds.For(world.Seed, 0x5C00_0000UL | ((ulong)kind << 20) | (uint)i, day, 0);
            var account = s.Account;
            buffer.AddLogin(rng, s.StartMs, account, s.Ip, s.UserAgent, session, WorkScheduler.PasswordAge(account, Math.Max(0, day)),
                account.IsWeakOn(day) && account.WeakDefaultPassword);
            run.Emit(rng, buffer, account, s.Ip, s.UserAgent, session, s.StartMs + 5_000, s.EndMs - 5_000, s.Lookups);
            if (s.Logout)
            {
                buffer.AddLogout(rng, s.EndMs - 1_000, account, s.Ip, s.UserAgent, session);
            }
        }
    }

    /// <summary>First start and last end of <paramref name="sessions"/>.</summary>
    public static (long Start, long End) Span(IReadOnlyList<PlannedSession> sessions)
    {
        var start = long.MaxValue;
        var end = long.MinValue;
        foreach (var s in sessions)
        {
            start = Math.Min(start, s.StartMs);
            end = Math.Max(end, s.EndMs);
        }

        return (start, end);
    }
}
