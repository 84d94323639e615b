namespace LogSentinel.Detect.Detectors.ManyAccountsOneSource;

/// <summary>One address using many accounts: credentials gathered in one place.</summary>
public sealed class ManyAccountsOneSourceOptions
{
    /// <summary>Window the distinct accounts of one address are counted over, in minutes (default 60).</summary>
    public int WindowMinutes { get; set; } = 60;

    /// <summary>Distinct accounts from one address within the window that are reported (default 5; a delegate at a colleague's desk makes two).</summary>
    public int MinAccounts { get; set; } = 5;

    /// <summary>
    /// Distinct agencies whose accounts, as many, are also reported from one address within the window (default 3; 0
    /// turns it off): a desk is shared within an agency, so accounts of three agencies at one machine are credentials
    /// gathered together, and the alert comes minutes before the fifth account. Raise it where a support desk serves
    /// several agencies from one machine.
    /// </summary>
    public int MinAgencies { get; set; } = 3;

    internal void Validate()
    {
        DetectionOptions.Require(WindowMinutes is >= 1 and <= 1440, "ManyAccountsOneSource:WindowMinutes must be between 1 and 1440");
        DetectionOptions.Require(MinAccounts >= 2, "ManyAccountsOneSource:MinAccounts must be at least 2");
        DetectionOptions.Require(MinAgencies == 0 || MinAgencies >= 2, "ManyAccountsOneSource:MinAgencies must be 0 (off) or at least 2");
    }
}
