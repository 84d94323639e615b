namespace LogSentinel.Detect.Detectors.UnknownSource;

/// <summary>
/// Authenticated traffic from addresses outside every registered agency network (per address), and an account
/// used from an address new to it and to its agency, outside its agency's networks (per account).
/// </summary>
public sealed class UnknownSourceOptions
{
    /// <summary>Window the events of one address are counted over, in minutes (default 60).</summary>
    public int WindowMinutes { get; set; } = 60;

    /// <summary>
    /// Authenticated events from an unregistered address within the window before it is reported (default 3); also
    /// the events an account needs from one new address within the window.
    /// </summary>
    public int MinEvents { get; set; } = 3;

    /// <summary>
    /// Active days an account needs before an address new to it and to its agency is judged (default 3); until
    /// then its addresses are learned. Applies to the account form of the alert.
    /// </summary>
    public int MinHistoryDays { get; set; } = 3;

    internal void Validate()
    {
        DetectionOptions.Require(MinHistoryDays >= 1, "UnknownSource:MinHistoryDays must be at least 1");
        DetectionOptions.Require(WindowMinutes is >= 1 and <= 1440, "UnknownSource:WindowMinutes must be between 1 and 1440");
        DetectionOptions.Require(MinEvents >= 1, "UnknownSource:MinEvents must be at least 1");
    }
}
