namespace LogSentinel.Detect.Detectors.VolumeSpike;

/// <summary>One entity's request counts per window, a ring of the baseline's windows and the open ones.</summary>
internal sealed class VolumeSpikeState
{
    public VolumeSpikeState(int windows)
    {
        Windows = new long[windows];
        Requests = new long[windows];
        Unauthenticated = new long[windows];
        ServerErrors = new long[windows];
        Array.Fill(Windows, long.MinValue);
    }

    public long[] Windows { get; }

    public long[] Requests { get; }

    public long[] Unauthenticated { get; }

    public long[] ServerErrors { get; }

    public long FirstWindow { get; set; } = long.MinValue;

    public int Slot(long window) => (int)(((window % Windows.Length) + Windows.Length) % Windows.Length);

    /// <summary>Requests of <paramref name="window"/>; 0 when the entity was quiet then.</summary>
    public long CountOf(long window)
    {
        var slot = Slot(window);
        return Windows[slot] == window ? Requests[slot] : 0;
    }
}
