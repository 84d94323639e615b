namespace LogSentinel.Detect.Detectors.DepartedAccountUse;

/// <summary>Activity on accounts whose holder transferred, retired or was disabled.</summary>
public sealed class DepartedAccountUseOptions
{
    /// <summary>Days after the status change during which use is still tolerated (default 5: accounts must be closed within 5 days of the hand-over).</summary>
    public int GraceDays { get; set; } = 5;

    /// <summary>Events on a departed account, after the grace period, before it is reported (default 1).</summary>
    public int MinEvents { get; set; } = 1;

    internal void Validate()
    {
        DetectionOptions.Require(GraceDays >= 0, "DepartedAccountUse:GraceDays must not be negative");
        DetectionOptions.Require(MinEvents >= 1, "DepartedAccountUse:MinEvents must be at least 1");
    }
}
