using System.IO.Hashing;
using System.Text;

namespace LogSentinel.Ingest.Parsing;

/// <summary>
/// A named source of lines (a Kafka topic, a file, stdin). Its name is written with every event and seeds the event
/// key, so the same line from the same source always gets the same key and a re-delivered line can be dropped.
/// Build one per source and reuse it: it holds the UTF-8 name and the key seed precomputed.
/// </summary>
public sealed class LineSource
{
    /// <summary>Creates the source called <paramref name="name"/>.</summary>
    public LineSource(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        NameUtf8 = Encoding.UTF8.GetBytes(name);
        KeySeed = unchecked((long)XxHash64.HashToUInt64(NameUtf8.Span));
    }

    /// <summary>The source name, e.g. <c>kafka:gateway-access</c> or <c>file:/var/log/gw/access.log</c>.</summary>
    public string Name { get; }

    /// <summary>The source name in UTF-8, as written to the event's <c>source</c> column.</summary>
    public ReadOnlyMemory<byte> NameUtf8 { get; }

    /// <summary>XxHash64 of the UTF-8 name: the seed of the event keys of this source's lines.</summary>
    internal long KeySeed { get; }

    /// <summary>
    /// The deterministic key of <paramref name="line"/> read from this source: XxHash64 of the line bytes (ASCII
    /// whitespace trimmed at both ends) seeded with the XxHash64 of the source name.
    /// </summary>
    public ulong EventKey(ReadOnlySpan<byte> line) => XxHash64.HashToUInt64(line, KeySeed);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
