namespace LogSentinel.Detect.Detectors.Outage;

/// <summary>Gateway-wide surges of server errors (5xx) and timeouts.</summary>
public sealed class OutageOptions
{
    /// <summary>Sliding window the gateway's requests are judged over, in minutes (default 5).</summary>
    public int WindowMinutes { get; set; } = 5;

    /// <summary>Requests within the window before the error share is judged (default 100).</summary>
    public int MinRequests { get; set; } = 100;

    /// <summary>Share of 5xx answers within the window that makes an outage (default 0.25; a healthy gateway stays near 0).</summary>
    public double MinErrorShare { get; set; } = 0.25;

    internal void Validate()
    {
        DetectionOptions.Require(WindowMinutes is >= 1 and <= 60, "Outage:WindowMinutes must be between 1 and 60");
        DetectionOptions.Require(MinRequests >= 1, "Outage:MinRequests must be at least 1");
        DetectionOptions.Require(MinErrorShare is > 0 and <= 1, "Outage:MinErrorShare must be in (0, 1]");
    }
}
