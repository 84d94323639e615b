namespace LogSentinel.Detect.Detectors.UnknownSource;

/// <summary>Authenticated traffic from addresses outside every registered agency network.</summary>
public sealed class UnknownSourceOptions
{
    /// <summary>Window the events of one address are counted over, in minutes (default 60).</summary>
    public int WindowMinutes { get; set; } = 60;

    /// <summary>Authenticated events from an unregistered address within the window before it is reported (default 3).</summary>
    public int MinEvents { get; set; } = 3;

    internal void Validate()
    {
        DetectionOptions.Require(WindowMinutes is >= 1 and <= 1440, "UnknownSource:WindowMinutes must be between 1 and 1440");
        DetectionOptions.Require(MinEvents >= 1, "UnknownSource:MinEvents must be at least 1");
    }
}
