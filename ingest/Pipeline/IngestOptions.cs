using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Privacy;

namespace LogSentinel.Ingest.Pipeline;

/// <summary>Batching of ingest, bound from the <c>Ingest</c> section.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>
    /// Lines per store write (default 100,000). The engine's cost per insert is large next to its cost per row
    /// (every insert writes a part to each event table and to each rollup view), so batches much smaller than this
    /// spend most of the CPU on parts: 20,000-line batches from Kafka cost 16.8 CPU-seconds per million events,
    /// 100,000-line batches 9.3. <see cref="BatchMaxWaitMs"/> still bounds how long a quiet source waits.
    /// </summary>
    public int BatchMaxLines { get; set; } = 100_000;

    /// <summary>Longest a partial batch waits for more lines before it is written (default 500 ms).</summary>
    public int BatchMaxWaitMs { get; set; } = 500;

    /// <summary>Limits of the line parsers (<c>Ingest:Parsing</c>).</summary>
    public ParserOptions Parsing { get; set; } = new();

    /// <summary>The citizen-id pseudonymization key (<c>Ingest:Pseudonymization</c>).</summary>
    public PseudonymizationOptions Pseudonymization { get; set; } = new();

    public void Validate()
    {
        if (BatchMaxLines is < 1 or > 1_000_000)
        {
            throw new InvalidOperationException($"{SectionName}:BatchMaxLines must be between 1 and 1000000; it is {BatchMaxLines}.");
        }

        if (BatchMaxWaitMs is < 1 or > 600_000)
        {
            throw new InvalidOperationException($"{SectionName}:BatchMaxWaitMs must be between 1 and 600000; it is {BatchMaxWaitMs}.");
        }

        Parsing.Validate();
    }
}
