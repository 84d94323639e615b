using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.ScriptedBulkLookup;

/// <summary>
/// One account's lookups minute by minute: count, gaps (sum and sum of squares, for their variation), sequential
/// ids, and the gateway's view of its clients.
/// </summary>
internal sealed class ScriptedLookupState(int windowMinutes)
{
    public const int KeptRefs = 20;

    public MinuteRing Minutes { get; } = new(windowMinutes);

    public long LastLookupMs { get; set; } = long.MinValue;

    /// <summary>The latest pseudonymized ids, a ring of <see cref="KeptRefs"/>.</summary>
    public ulong[] Refs { get; } = new ulong[KeptRefs];

    public int RefCount { get; set; }

    public ulong[] SampleKeys { get; } = new ulong[5];

    public int Samples { get; set; }

    public int Ip { get; set; } = -1;

    public int UserAgent { get; set; } = -1;

    public long ReportedUntilMs { get; set; } = long.MinValue;
}
