using LogSentinel.Simulate.Randomness;

namespace LogSentinel.Simulate.Events;

/// <summary>Session ids derived from who opened the session and when, so they are unique without shared counters.</summary>
internal static class SessionIds
{
    /// <summary>A non-zero 48-bit id for the <paramref name="ordinal"/>-th session of <paramref name="owner"/> on <paramref name="day"/>.</summary>
    public static ulong For(ulong seed, ulong owner, int day, int ordinal) =>
        (SeedMixer.Mix(seed, 0x5E55_1015, owner, ((ulong)(uint)day << 16) | (uint)ordinal) & 0xFFFF_FFFF_FFFFUL) | 1UL;
}
