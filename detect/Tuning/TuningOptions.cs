namespace LogSentinel.Detect.Tuning;

/// <summary>Settings of how tuning reaches a running engine, bound from the <c>Tuning</c> section.</summary>
public sealed class TuningOptions
{
    public const string SectionName = "Tuning";

    /// <summary>
    /// Wall-clock time between two checks of a live engine for a newer tuning version (default 30 seconds). A replay
    /// applies the version current when it starts for the whole run, so it stays deterministic.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Days of stored events <c>logsentinel tune preview</c> replays when <c>--days</c> is not given (default 7).</summary>
    public int PreviewDays { get; set; } = 7;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (RefreshInterval < TimeSpan.FromSeconds(1) || RefreshInterval > TimeSpan.FromHours(1))
        {
            throw new InvalidOperationException("Tuning:RefreshInterval must be between 1 second and 1 hour");
        }

        if (PreviewDays is < 1 or > 90)
        {
            throw new InvalidOperationException("Tuning:PreviewDays must be between 1 and 90");
        }
    }
}
