using System.Text.Json;
using LogSentinel.Ingest.DeadLetters;

namespace LogSentinel.Ingest.Parsing;

/// <summary>Reading typed field values from a <see cref="Utf8JsonReader"/> positioned on a value, without allocating.</summary>
internal static class JsonLineValues
{
    /// <summary>Longest escaped property name unescaped to match a known field; longer ones are kept as unknown.</summary>
    public const int MaxEscapedNameLength = 128;

    /// <summary>
    /// The string value as UTF-8 bytes: a slice of the line, or its unescaped copy in <paramref name="scratch"/>.
    /// False when the token is not a string.
    /// </summary>
    public static bool TryGetString(scoped ref Utf8JsonReader reader, ScratchArena scratch, out ReadOnlySpan<byte> value)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            value = default;
            return false;
        }

        if (!reader.ValueIsEscaped)
        {
            value = reader.ValueSpan;
            return true;
        }

        var target = scratch.Rent(reader.ValueSpan.Length);
        var written = reader.CopyString(target);
        value = scratch.Commit(written);
        return true;
    }

    /// <summary>The property name under the reader, unescaped into <paramref name="buffer"/> when it has escapes.</summary>
    public static ReadOnlySpan<byte> PropertyName(scoped ref Utf8JsonReader reader, byte[] buffer)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        if (reader.ValueSpan.Length > buffer.Length)
        {
            // No writer escapes a known name this much; the member is kept in Extra as unknown.
            return default;
        }

        var written = reader.CopyString(buffer);
        return buffer.AsSpan(0, written);
    }

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>]; reason None on success.</summary>
    public static DeadLetterReason TryGetInt(scoped ref Utf8JsonReader reader, long min, long max, out long value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number)
        {
            return DeadLetterReason.WrongType;
        }

        if (!reader.TryGetInt64(out var v))
        {
            // A fraction or exponent is the wrong kind of number; digits alone that overflow are out of range.
            return reader.ValueSpan.IndexOfAny(".eE"u8) >= 0 ? DeadLetterReason.WrongType : DeadLetterReason.OutOfRange;
        }

        if (v < min || v > max)
        {
            return DeadLetterReason.OutOfRange;
        }

        value = v;
        return DeadLetterReason.None;
    }

    /// <summary>
    /// The request path: the query string (and fragment) cut off, and any run of exactly 12 digits masked like a
    /// citizen id (REST paths can carry the id looked up).
    /// </summary>
    public static ReadOnlySpan<byte> CleanPath(ReadOnlySpan<byte> target, ScratchArena scratch)
    {
        var cut = target.IndexOfAny((byte)'?', (byte)'#');
        if (cut >= 0)
        {
            target = target[..cut];
        }

        if (!RawLineMasker.ContainsTwelveDigitRun(target))
        {
            return target;
        }

        var copy = scratch.Copy(target);
        RawLineMasker.MaskTwelveDigitRuns(copy);
        return copy;
    }
}
