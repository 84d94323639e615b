namespace LogSentinel.Ingest.DeadLetters;

/// <summary>
/// Why a line went to the dead-letter store. Each value has a stable machine code
/// (<see cref="DeadLetterReasons.ToCode"/>) that dashboards and replays key on: never renumber or rename a code.
/// </summary>
public enum DeadLetterReason
{
    /// <summary>The line parsed; it is not a dead letter.</summary>
    None = 0,

    /// <summary><c>empty_line</c>: nothing but whitespace.</summary>
    EmptyLine,

    /// <summary><c>line_too_long</c>: longer than the configured maximum.</summary>
    LineTooLong,

    /// <summary><c>invalid_utf8</c>: the bytes are not well-formed UTF-8.</summary>
    InvalidUtf8,

    /// <summary><c>truncated_json</c>: the JSON object ends before it is closed.</summary>
    TruncatedJson,

    /// <summary><c>malformed_json</c>: not one JSON object (syntax error, another value, trailing data).</summary>
    MalformedJson,

    /// <summary><c>truncated_line</c>: a combined-format line that ends before its required fields.</summary>
    TruncatedLine,

    /// <summary><c>malformed_line</c>: a combined-format line whose structure does not match the format.</summary>
    MalformedLine,

    /// <summary><c>missing_field</c>: a required field is absent (or null).</summary>
    MissingField,

    /// <summary><c>wrong_type</c>: a field has the wrong JSON type or number form.</summary>
    WrongType,

    /// <summary><c>out_of_range</c>: a number outside the field's range (a negative latency, a status above 999).</summary>
    OutOfRange,

    /// <summary><c>bad_timestamp</c>: the timestamp is not RFC 3339 (or the combined format's) or names no real instant.</summary>
    BadTimestamp,

    /// <summary><c>missing_offset</c>: the timestamp has no UTC offset, so its instant is unknown.</summary>
    MissingOffset,

    /// <summary><c>invalid_ip</c>: not an IPv4 or IPv6 address.</summary>
    InvalidIp,

    /// <summary><c>invalid_citizen_id</c>: a citizen id that is not exactly 12 ASCII digits.</summary>
    InvalidCitizenId,
}
