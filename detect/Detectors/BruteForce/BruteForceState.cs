using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.BruteForce;

/// <summary>Failed logins of one address or one account, minute by minute.</summary>
internal sealed class BruteForceState(int windowMinutes)
{
    public MinuteRing Failures { get; } = new(windowMinutes);

    /// <summary>The other side of each failure (accounts tried from an address, addresses trying an account), first 20.</summary>
    public List<int> Counterparts { get; } = [];

    public ulong[] SampleKeys { get; } = new ulong[5];

    public int Samples { get; set; }

    /// <summary>End of the last window that was a burst; successes soon after it are suspicious.</summary>
    public long BurstEndMs { get; set; } = long.MinValue;

    /// <summary>End of the last window reported, so overlapping windows of one burst are reported once.</summary>
    public long ReportedUntilMs { get; set; } = long.MinValue;

    /// <summary>A successful login right after a burst, waiting for its minute to close.</summary>
    public long SuccessMs { get; set; } = long.MinValue;

    public int SuccessCounterpart { get; set; } = -1;

    public ulong SuccessKey { get; set; }
}
