namespace LogSentinel.Detect.Detectors.ScriptedBulkLookup;

/// <summary>Many lookups at machine-regular spacing: a script looping over a list or a sequence of ids.</summary>
public sealed class ScriptedBulkLookupOptions
{
    /// <summary>Sliding window the lookups of one account are measured over, in minutes (default 10).</summary>
    public int WindowMinutes { get; set; } = 10;

    /// <summary>Lookups within the window before the spacing is judged (default 60, one every 10 s; a busy officer makes a few per minute at most).</summary>
    public int MinLookups { get; set; } = 60;

    /// <summary>Largest coefficient of variation of the gaps between lookups that counts as machine-regular (default 0.35; people are above 1).</summary>
    public double MaxGapVariation { get; set; } = 0.35;

    /// <summary>Largest id distance from the previous lookup that counts as sequential (default 10).</summary>
    public long SequentialIdDelta { get; set; } = 10;

    internal void Validate()
    {
        DetectionOptions.Require(WindowMinutes is >= 1 and <= 60, "ScriptedBulkLookup:WindowMinutes must be between 1 and 60");
        DetectionOptions.Require(MinLookups >= 3, "ScriptedBulkLookup:MinLookups must be at least 3");
        DetectionOptions.Require(MaxGapVariation > 0, "ScriptedBulkLookup:MaxGapVariation must be positive");
        DetectionOptions.Require(SequentialIdDelta >= 1, "ScriptedBulkLookup:SequentialIdDelta must be at least 1");
    }
}
