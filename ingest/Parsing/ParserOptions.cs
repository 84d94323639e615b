namespace LogSentinel.Ingest.Parsing;

/// <summary>Limits of the line parsers, bound from the <c>Ingest:Parsing</c> section.</summary>
public sealed class ParserOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Ingest:Parsing";

    /// <summary>Default of <see cref="MaxLineBytes"/>: 64 KiB.</summary>
    public const int DefaultMaxLineBytes = 64 * 1024;

    /// <summary>Default of <see cref="AccountTrackingCapacity"/>: 65,536 accounts.</summary>
    public const int DefaultAccountTrackingCapacity = 65_536;

    /// <summary>Longer lines are dead letters (<c>line_too_long</c>). Default 64 KiB; between 256 bytes and 16 MiB.</summary>
    public int MaxLineBytes { get; set; } = DefaultMaxLineBytes;

    /// <summary>
    /// How many accounts the application parser remembers the last looked-up citizen id of (for the id distance).
    /// Default 65,536; at least 4. Beyond it the least recently active accounts are forgotten.
    /// </summary>
    public int AccountTrackingCapacity { get; set; } = DefaultAccountTrackingCapacity;

    /// <summary>Throws when a limit is out of its range.</summary>
    public void Validate()
    {
        if (MaxLineBytes is < 256 or > 16 * 1024 * 1024)
        {
            throw new InvalidOperationException($"{SectionName}:MaxLineBytes must be between 256 and 16777216; it is {MaxLineBytes}.");
        }

        if (AccountTrackingCapacity is < 4 or > 1 << 24)
        {
            throw new InvalidOperationException(
                $"{SectionName}:AccountTrackingCapacity must be between 4 and 16777216; it is {AccountTrackingCapacity}.");
        }
    }
}
