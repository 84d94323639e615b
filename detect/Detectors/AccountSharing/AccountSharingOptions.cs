namespace LogSentinel.Detect.Detectors.AccountSharing;

/// <summary>One account active from several addresses at once, outside any delegation.</summary>
public sealed class AccountSharingOptions
{
    /// <summary>Window in which activity from different addresses counts as simultaneous, in minutes (default 30).</summary>
    public int WindowMinutes { get; set; } = 30;

    /// <summary>Distinct addresses active within the window that are reported (default 2).</summary>
    public int MinAddresses { get; set; } = 2;

    /// <summary>Events each address needs within the window to count (default 3, so a stray request does not).</summary>
    public int MinEventsPerAddress { get; set; } = 3;

    internal void Validate()
    {
        DetectionOptions.Require(WindowMinutes is >= 1 and <= 1440, "AccountSharing:WindowMinutes must be between 1 and 1440");
        DetectionOptions.Require(MinAddresses >= 2, "AccountSharing:MinAddresses must be at least 2");
        DetectionOptions.Require(MinEventsPerAddress >= 1, "AccountSharing:MinEventsPerAddress must be at least 1");
    }
}
