using System.Globalization;
using LogSentinel.Ingest.Parsing;

namespace LogSentinel.Ingest.Pipeline;

/// <summary>
/// Where a line came from: its source, its format, and its position there (a Kafka partition and offset, or a
/// file line number when <see cref="Partition"/> is negative).
/// </summary>
public readonly record struct LineOrigin(LineSource Source, LogFormat Format, int Partition, long Offset)
{
    /// <summary>A line of a file or stream, numbered from 1.</summary>
    public static LineOrigin FileLine(LineSource source, LogFormat format, long lineNumber) => new(source, format, -1, lineNumber);

    /// <summary>A Kafka message.</summary>
    public static LineOrigin Message(LineSource source, LogFormat format, int partition, long offset) => new(source, format, partition, offset);

    /// <summary><c>partition/offset</c> or <c>line N</c>, as dead letters record it.</summary>
    public string PositionText => Partition >= 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Partition}/{Offset}")
        : string.Create(CultureInfo.InvariantCulture, $"line {Offset}");
}
