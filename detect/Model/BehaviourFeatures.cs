namespace LogSentinel.Detect.Model;

/// <summary>
/// The features of one entity over one closed day window, in model order. Shares are 0..1, counts are
/// log(1 + n), and the last four compare the day with the entity's blended baseline.
/// </summary>
public static class BehaviourFeatures
{
    public const int LookupsLog = 0;
    public const int DistinctCitizensLog = 1;
    public const int SequentialIdShare = 2;
    public const int GapVariation = 3;
    public const int ScriptClientShare = 4;
    public const int OffHoursShare = 5;
    public const int DistinctPeersLog = 6;
    public const int NotFoundShare = 7;
    public const int ServerErrorShare = 8;
    public const int ProvincesLog = 9;
    public const int LookupsVsBaseline = 10;
    public const int TodayZ = 11;
    public const int RecentZ = 12;
    public const int CitizensVsBaseline = 13;

    /// <summary>How many features a window has.</summary>
    public const int Count = 14;

    private static readonly string[] AllNames =
    [
        "lookups_log", "distinct_citizens_log", "sequential_id_share", "gap_variation", "script_client_share", "off_hours_share",
        "distinct_addresses_or_accounts_log", "not_found_share", "server_error_share", "citizen_provinces_log", "lookups_vs_baseline_log",
        "lookups_z_today", "lookups_z_recent_days", "citizens_vs_baseline_log",
    ];

    /// <summary>Feature names, snake_case, in model order.</summary>
    public static IReadOnlyList<string> Names => AllNames;
}
