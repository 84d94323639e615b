namespace LogSentinel.Store.Events;

/// <summary>
/// One gateway access-log event as spans over the parser's input, handed to <see cref="GatewayEventBatch.Add"/>.
/// A ref struct so a parser fills it without allocating.
/// </summary>
public ref struct GatewayEventFields
{
    /// <summary>Event time in Unix milliseconds, UTC.</summary>
    public long TimestampMs { get; set; }

    /// <summary>Deterministic key of the event (same input line, same key), used to drop re-delivered events.</summary>
    public ulong EventKey { get; set; }

    /// <summary>Source address as an IPv6 address; IPv4 is mapped (::ffff:a.b.c.d), as ClickHouse's IPv6 type stores it.</summary>
    public UInt128 ClientIp { get; set; }

    public ushort Status { get; set; }

    /// <summary>Time to serve in milliseconds; NaN when the line did not say.</summary>
    public float LatencyMs { get; set; }

    public ulong BytesOut { get; set; }
    public ReadOnlySpan<byte> Source { get; set; }
    public ReadOnlySpan<byte> Method { get; set; }
    public ReadOnlySpan<byte> Path { get; set; }
    public ReadOnlySpan<byte> UserAgent { get; set; }
    public ReadOnlySpan<byte> Account { get; set; }
    public ReadOnlySpan<byte> Agency { get; set; }
    public ReadOnlySpan<byte> Api { get; set; }
    public ReadOnlySpan<byte> RequestId { get; set; }

    /// <summary>Unknown fields of the line, kept raw (a JSON object or empty).</summary>
    public ReadOnlySpan<byte> Extra { get; set; }
}
