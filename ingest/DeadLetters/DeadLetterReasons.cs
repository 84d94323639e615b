namespace LogSentinel.Ingest.DeadLetters;

/// <summary>The stable machine codes and human descriptions of <see cref="DeadLetterReason"/>.</summary>
public static class DeadLetterReasons
{
    /// <summary>The stable snake_case code of <paramref name="reason"/>, e.g. <c>truncated_json</c>.</summary>
    public static string ToCode(DeadLetterReason reason) => reason switch
    {
        DeadLetterReason.None => "none",
        DeadLetterReason.EmptyLine => "empty_line",
        DeadLetterReason.LineTooLong => "line_too_long",
        DeadLetterReason.InvalidUtf8 => "invalid_utf8",
        DeadLetterReason.TruncatedJson => "truncated_json",
        DeadLetterReason.MalformedJson => "malformed_json",
        DeadLetterReason.TruncatedLine => "truncated_line",
        DeadLetterReason.MalformedLine => "malformed_line",
        DeadLetterReason.MissingField => "missing_field",
        DeadLetterReason.WrongType => "wrong_type",
        DeadLetterReason.OutOfRange => "out_of_range",
        DeadLetterReason.BadTimestamp => "bad_timestamp",
        DeadLetterReason.MissingOffset => "missing_offset",
        DeadLetterReason.InvalidIp => "invalid_ip",
        DeadLetterReason.InvalidCitizenId => "invalid_citizen_id",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown dead-letter reason."),
    };

    /// <summary>Parses a code written by <see cref="ToCode"/> (for replays and queries).</summary>
    public static bool TryParseCode(string code, out DeadLetterReason reason)
    {
        ArgumentNullException.ThrowIfNull(code);
        foreach (var candidate in Enum.GetValues<DeadLetterReason>())
        {
            if (string.Equals(ToCode(candidate), code, StringComparison.Ordinal))
            {
                reason = candidate;
                return true;
            }
        }

        reason = DeadLetterReason.None;
        return false;
    }

    /// <summary>
    /// What the reason means, in words for the analyst reading the dead letter. Constant text: it never quotes
    /// the offending value, which could be a citizen id.
    /// </summary>
    public static string Describe(DeadLetterReason reason) => reason switch
    {
        DeadLetterReason.None => "parsed",
        DeadLetterReason.EmptyLine => "the line is empty",
        DeadLetterReason.LineTooLong => "the line is longer than the configured maximum",
        DeadLetterReason.InvalidUtf8 => "the line is not valid UTF-8",
        DeadLetterReason.TruncatedJson => "the JSON object ends before it is closed",
        DeadLetterReason.MalformedJson => "not a single well-formed JSON object",
        DeadLetterReason.TruncatedLine => "the line ends before this field",
        DeadLetterReason.MalformedLine => "does not match the NGINX combined format",
        DeadLetterReason.MissingField => "required field is missing",
        DeadLetterReason.WrongType => "value has the wrong type",
        DeadLetterReason.OutOfRange => "value is out of range",
        DeadLetterReason.BadTimestamp => "not a valid timestamp",
        DeadLetterReason.MissingOffset => "timestamp has no UTC offset",
        DeadLetterReason.InvalidIp => "not a valid IPv4 or IPv6 address",
        DeadLetterReason.InvalidCitizenId => "citizen id is not exactly 12 digits",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown dead-letter reason."),
    };
}
