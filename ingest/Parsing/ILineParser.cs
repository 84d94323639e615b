namespace LogSentinel.Ingest.Parsing;

/// <summary>
/// Parses lines of one format into a columnar batch. Implementations keep per-instance scratch buffers and state
/// (and allocate nothing per line), so an instance is not safe for concurrent use: give each pipeline its own.
/// </summary>
/// <typeparam name="TBatch">The batch the events are appended to.</typeparam>
public interface ILineParser<in TBatch>
    where TBatch : class
{
    /// <summary>The format this parser reads.</summary>
    LogFormat Format { get; }

    /// <summary>
    /// Parses one line (without its line terminator; surrounding ASCII whitespace is ignored) and appends the event to
    /// <paramref name="batch"/>; or, when the line does not parse, appends nothing and returns the dead-letter reason.
    /// Never throws for bad input.
    /// </summary>
    ParseOutcome Parse(ReadOnlySpan<byte> line, in LinePosition position, TBatch batch);
}
