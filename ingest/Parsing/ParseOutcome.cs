using LogSentinel.Ingest.DeadLetters;

namespace LogSentinel.Ingest.Parsing;

/// <summary>
/// The result of parsing one line: either the event was appended to the batch, or the line is a dead letter with a
/// <see cref="Reason"/> and the <see cref="Field"/> at fault. A value type with constant strings, so failing costs no
/// allocation and no exception; <see cref="Detail"/> builds its text only when read.
/// </summary>
public readonly struct ParseOutcome : IEquatable<ParseOutcome>
{
    private ParseOutcome(DeadLetterReason reason, string field)
    {
        Reason = reason;
        Field = field;
    }

    /// <summary>The outcome of a line that parsed.</summary>
    public static ParseOutcome Parsed => default;

    /// <summary>Whether the event was appended to the batch.</summary>
    public bool IsSuccess => Reason == DeadLetterReason.None;

    /// <summary>Why the line is a dead letter; <see cref="DeadLetterReason.None"/> on success.</summary>
    public DeadLetterReason Reason { get; }

    /// <summary>The field at fault as the format names it (<c>client_ip</c>, <c>time_local</c>), or <c>line</c>; null on success.</summary>
    public string? Field { get; }

    /// <summary>The stable machine code of <see cref="Reason"/>, e.g. <c>invalid_ip</c>.</summary>
    public string Code => DeadLetterReasons.ToCode(Reason);

    /// <summary>Human detail naming the field, e.g. <c>client_ip: not a valid IPv4 or IPv6 address</c>. Never quotes the value.</summary>
    public string Detail => IsSuccess ? "parsed" : string.Concat(Field, ": ", DeadLetterReasons.Describe(Reason));

    public static bool operator ==(ParseOutcome left, ParseOutcome right) => left.Equals(right);

    public static bool operator !=(ParseOutcome left, ParseOutcome right) => !left.Equals(right);

    /// <summary>A dead-letter outcome; <paramref name="field"/> must be a constant field name, never input text.</summary>
    internal static ParseOutcome Fail(DeadLetterReason reason, string field) => new(reason, field);

    public bool Equals(ParseOutcome other) => Reason == other.Reason && string.Equals(Field, other.Field, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ParseOutcome other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Reason, Field);

    public override string ToString() => IsSuccess ? "parsed" : string.Concat(Code, " (", Detail, ")");
}
