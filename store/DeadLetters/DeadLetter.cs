namespace LogSentinel.Store.DeadLetters;

/// <summary>A line that could not be ingested, with why and where it came from.</summary>
/// <param name="Id">Identity of the dead letter.</param>
/// <param name="ReceivedAt">When it was set aside.</param>
/// <param name="Source">The source name: a Kafka topic or a file path.</param>
/// <param name="Format">The format the line was parsed as.</param>
/// <param name="Position">Where in the source: <c>partition/offset</c> or <c>line N</c>.</param>
/// <param name="Reason">Machine-readable reason, e.g. <c>bad_timestamp</c>.</param>
/// <param name="Detail">What exactly was wrong, naming the field; never contains a citizen id.</param>
/// <param name="Raw">The line with every citizen id masked.</param>
/// <param name="Sealed">The original line, encrypted by the ingest process, for re-drives.</param>
public sealed record DeadLetter(
    Guid Id, DateTime ReceivedAt, string Source, string Format, string Position, string Reason, string Detail, byte[] Raw, byte[] Sealed);
