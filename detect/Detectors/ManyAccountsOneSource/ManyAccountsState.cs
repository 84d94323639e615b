namespace LogSentinel.Detect.Detectors.ManyAccountsOneSource;

/// <summary>The accounts one address used recently.</summary>
internal sealed class ManyAccountsState
{
    public List<AccountSighting> Sightings { get; } = [];

    public List<ulong> SampleKeys { get; } = [];

    public long ReportedUntilMs { get; set; } = long.MinValue;
}
