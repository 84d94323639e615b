namespace LogSentinel.Simulate.Scenarios;

/// <summary>The misuse scenarios the simulator can inject; names match the detector alert types.</summary>
public enum ScenarioKind
{
    /// <summary>An Excel VBScript loop looking up many ids at machine-regular spacing, usually in the evening.</summary>
    ScriptedBulkLookup,

    /// <summary>Lookups from an address outside every registered agency network.</summary>
    UnknownSource,

    /// <summary>One account used from several places at once, outside any delegation.</summary>
    AccountSharing,

    /// <summary>One source address logging in as many accounts (credentials synced to one place).</summary>
    ManyAccountsOneSource,

    /// <summary>Logins with the issued default password or a password far older than the monthly policy.</summary>
    WeakCredentials,

    /// <summary>An account of transferred or retired staff still used after its hand-over date.</summary>
    DepartedAccountUse,

    /// <summary>Many failed logins from one source.</summary>
    BruteForce,

    /// <summary>Denial of service: a gateway-wide request spike and a surge of 5xx answers.</summary>
    Outage,

    /// <summary>Scraping slightly above the account's baseline for days.</summary>
    LowAndSlow,
}
