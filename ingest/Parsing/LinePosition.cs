namespace LogSentinel.Ingest.Parsing;

/// <summary>Where a line came from: its source and its offset there (a byte offset in a file, a Kafka offset).</summary>
/// <param name="Source">The source of the line.</param>
/// <param name="Offset">The line's offset in the source, kept with dead letters so they can be traced and replayed.</param>
public readonly record struct LinePosition(LineSource Source, long Offset);
