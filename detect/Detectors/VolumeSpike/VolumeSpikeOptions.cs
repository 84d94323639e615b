namespace LogSentinel.Detect.Detectors.VolumeSpike;

/// <summary>Request surges of the gateway, one agency or one API against the same entity's own recent baseline.</summary>
public sealed class VolumeSpikeOptions
{
    /// <summary>Tumbling window the requests are counted in, in minutes (default 5).</summary>
    public int WindowMinutes { get; set; } = 5;

    /// <summary>Previous windows whose median is the baseline (default 24, two hours of 5-minute windows).</summary>
    public int BaselineWindows { get; set; } = 24;

    /// <summary>Windows of the entity's history before it is judged (default 12, one hour).</summary>
    public int MinHistoryWindows { get; set; } = 12;

    /// <summary>Requests within the window before a surge is judged at all (default 300).</summary>
    public int MinRequests { get; set; } = 300;

    /// <summary>How many times the baseline a window must reach (default 5).</summary>
    public double MinRatio { get; set; } = 5;

    /// <summary>Lowest baseline used, so a quiet entity's median of 0 does not make any traffic a surge (default 20 requests per window).</summary>
    public int MinBaseline { get; set; } = 20;

    internal void Validate()
    {
        DetectionOptions.Require(WindowMinutes is >= 1 and <= 60, "VolumeSpike:WindowMinutes must be between 1 and 60");
        DetectionOptions.Require(BaselineWindows is >= 3 and <= 1000, "VolumeSpike:BaselineWindows must be between 3 and 1000");
        DetectionOptions.Require(MinHistoryWindows >= 1 && MinHistoryWindows <= BaselineWindows, "VolumeSpike:MinHistoryWindows must be between 1 and BaselineWindows");
        DetectionOptions.Require(MinRequests >= 1, "VolumeSpike:MinRequests must be at least 1");
        DetectionOptions.Require(MinRatio > 1, "VolumeSpike:MinRatio must be above 1");
        DetectionOptions.Require(MinBaseline >= 1, "VolumeSpike:MinBaseline must be at least 1");
    }
}
