namespace LogSentinel.Detect.Detectors.ManyAccountsOneSource;

/// <summary>An account seen from an address: when first and last within the current stretch.</summary>
internal struct AccountSighting
{
    public int Account;
    public long FirstMs;
    public long LastMs;
}
