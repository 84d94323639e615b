namespace LogSentinel.Detect.Detectors.AccountSharing;

/// <summary>One account active from several addresses at once, or switching between networks within minutes, outside any delegation.</summary>
public sealed class AccountSharingOptions
{
    /// <summary>Window in which activity from different addresses counts as simultaneous, in minutes (default 30).</summary>
    public int WindowMinutes { get; set; } = 30;

    /// <summary>Distinct addresses active within the window that are reported (default 2).</summary>
    public int MinAddresses { get; set; } = 2;

    /// <summary>Events each address needs within the window to count (default 3, so a stray request does not).</summary>
    public int MinEventsPerAddress { get; set; } = 3;

    /// <summary>
    /// Switches between addresses of different networks (another agency's, or none registered), each within
    /// <see cref="SwitchMinutes"/> of the previous event, that are reported within the window even when no address
    /// reaches <see cref="MinEventsPerAddress"/> (default 3: there and back and there again).
    /// </summary>
    public int MinNetworkSwitches { get; set; } = 3;

    /// <summary>Longest gap between two events on different networks that counts as a switch, in minutes (default 10).</summary>
    public int SwitchMinutes { get; set; } = 10;

    internal void Validate()
    {
        DetectionOptions.Require(MinNetworkSwitches >= 2, "AccountSharing:MinNetworkSwitches must be at least 2");
        DetectionOptions.Require(SwitchMinutes is >= 1 and <= 1440, "AccountSharing:SwitchMinutes must be between 1 and 1440");
        DetectionOptions.Require(WindowMinutes is >= 1 and <= 1440, "AccountSharing:WindowMinutes must be between 1 and 1440");
        DetectionOptions.Require(MinAddresses >= 2, "AccountSharing:MinAddresses must be at least 2");
        DetectionOptions.Require(MinEventsPerAddress >= 1, "AccountSharing:MinEventsPerAddress must be at least 1");
    }
}
