namespace LogSentinel.Ingest.Files;

/// <summary>What an ingest of files did.</summary>
public sealed record FileIngestSummary(int Files, long Lines, long Events, long DeadLetters, long DuplicatesDropped, TimeSpan Elapsed)
{
    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? Events / Elapsed.TotalSeconds : 0;

    public double LinesPerSecond => Elapsed.TotalSeconds > 0 ? Lines / Elapsed.TotalSeconds : 0;
}
