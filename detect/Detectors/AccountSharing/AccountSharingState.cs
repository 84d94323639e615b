namespace LogSentinel.Detect.Detectors.AccountSharing;

/// <summary>The addresses one account was recently used from.</summary>
internal sealed class AccountSharingState
{
    public List<AddressActivity> Addresses { get; } = [];

    public long ReportedUntilMs { get; set; } = long.MinValue;
}
