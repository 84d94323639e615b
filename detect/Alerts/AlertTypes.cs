namespace LogSentinel.Detect.Alerts;

/// <summary>Alert type names: a stable contract with the console, the reports and the analysts' rules.</summary>
public static class AlertTypes
{
    public const string ScriptedBulkLookup = "scripted_bulk_lookup";
    public const string UnknownSource = "unknown_source";
    public const string AccountSharing = "account_sharing";
    public const string ManyAccountsOneSource = "many_accounts_one_source";
    public const string WeakCredentials = "weak_credentials";
    public const string DepartedAccountUse = "departed_account_use";
    public const string OffHours = "off_hours";
    public const string BruteForce = "brute_force";
    public const string VolumeSpike = "volume_spike";
    public const string Outage = "outage";
    public const string UnusualVolume = "unusual_volume";
}
