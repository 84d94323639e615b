namespace LogSentinel.Ingest.DeadLetters;

/// <summary>
/// Masks citizen ids in raw bytes before they are kept anywhere (the dead-letter store, the <c>Extra</c> column).
/// Every run of exactly 12 ASCII digits, and whatever value a <c>citizen_id</c> field holds (a JSON
/// <c>"citizen_id"</c> member or a <c>citizen_id=</c> query parameter, whatever its length), keeps its first three
/// digits (the province code) and has every other byte replaced by <c>*</c>: <c>052301004512</c> becomes
/// <c>052*********</c>. The output has the input's length and stays valid UTF-8 when the input was.
/// </summary>
public static class RawLineMasker
{
    private const byte MaskByte = (byte)'*';
    private const int CitizenIdLength = 12;
    private const int ProvinceLength = 3;

    /// <summary>A masked copy of <paramref name="raw"/>.</summary>
    public static byte[] Mask(ReadOnlySpan<byte> raw)
    {
        var copy = raw.ToArray();
        MaskInPlace(copy);
        return copy;
    }

    /// <summary>Writes a masked copy of <paramref name="raw"/> to <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Mask(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        if (destination.Length < raw.Length)
        {
            throw new ArgumentException("The destination is shorter than the raw line.", nameof(destination));
        }

        raw.CopyTo(destination);
        MaskInPlace(destination[..raw.Length]);
        return raw.Length;
    }

    /// <summary>Masks <paramref name="bytes"/> in place.</summary>
    public static void MaskInPlace(Span<byte> bytes)
    {
        MaskTwelveDigitRuns(bytes);
        MaskCitizenIdFields(bytes);
    }

    /// <summary>Whether <paramref name="bytes"/> holds a run of exactly 12 digits (a cheap pre-check on hot paths).</summary>
    internal static bool ContainsTwelveDigitRun(ReadOnlySpan<byte> bytes)
    {
        var run = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (char.IsAsciiDigit((char)bytes[i]))
            {
                run++;
            }
            else
            {
                if (run == CitizenIdLength)
                {
                    return true;
                }

                run = 0;
            }
        }

        return run == CitizenIdLength;
    }

    /// <summary>Masks only the runs of exactly 12 digits (for parsed string fields such as a request path).</summary>
    internal static void MaskTwelveDigitRuns(Span<byte> bytes)
    {
        var run = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && char.IsAsciiDigit((char)bytes[i]))
            {
                run++;
                continue;
            }

            if (run == CitizenIdLength)
            {
                bytes.Slice(i - CitizenIdLength + ProvinceLength, CitizenIdLength - ProvinceLength).Fill(MaskByte);
            }

            run = 0;
        }
    }

    private static void MaskCitizenIdFields(Span<byte> bytes)
    {
        ReadOnlySpan<byte> jsonKey = "\"citizen_id\""u8;
        ReadOnlySpan<byte> queryKey = "citizen_id="u8;
        var from = 0;
        while (from < bytes.Length)
        {
            var at = bytes[from..].IndexOf("citizen_id"u8);
            if (at < 0)
            {
                return;
            }

            at += from;
            if (at > 0 && bytes[at - 1] == (byte)'"' && bytes[(at - 1)..].StartsWith(jsonKey))
            {
                from = MaskJsonValue(bytes, at - 1 + jsonKey.Length);
            }
            else if (at > 0 && (bytes[at - 1] == (byte)'?' || bytes[at - 1] == (byte)'&') && bytes[at..].StartsWith(queryKey))
            {
                from = MaskQueryValue(bytes, at + queryKey.Length);
            }
            else
            {
                from = at + 1;
            }
        }
    }

    private static int MaskJsonValue(Span<byte> bytes, int i)
    {
        i = SkipWhitespace(bytes, i);
        if (i >= bytes.Length || bytes[i] != (byte)':')
        {
            return i;
        }

        i = SkipWhitespace(bytes, i + 1);
        if (i >= bytes.Length)
        {
            return i;
        }

        if (bytes[i] == (byte)'"')
        {
            var start = i + 1;
            var end = start;
            while (end < bytes.Length && bytes[end] != (byte)'"')
            {
                // An escape hides the next byte from the quote test, so an escaped quote does not end the value.
                end += bytes[end] == (byte)'\\' ? 2 : 1;
            }

            end = Math.Min(end, bytes.Length);
            MaskValue(bytes[start..end]);
            return end;
        }

        if (char.IsAsciiDigit((char)bytes[i]) || bytes[i] == (byte)'-')
        {
            var end = i;
            while (end < bytes.Length && bytes[end] is not ((byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\t'))
            {
                end++;
            }

            MaskValue(bytes[i..end]);
            return end;
        }

        return i;
    }

    private static int MaskQueryValue(Span<byte> bytes, int i)
    {
        var end = i;
        while (end < bytes.Length && bytes[end] is not ((byte)'&' or (byte)' ' or (byte)'"' or (byte)'#'))
        {
            end++;
        }

        MaskValue(bytes[i..end]);
        return end;
    }

    private static void MaskValue(Span<byte> value)
    {
        // Keep the province code only when it is one: three leading digits. Anything else is masked whole.
        var keep = value.Length >= ProvinceLength
            && char.IsAsciiDigit((char)value[0])
            && char.IsAsciiDigit((char)value[1])
            && char.IsAsciiDigit((char)value[2])
            ? ProvinceLength
            : 0;
        value[keep..].Fill(MaskByte);
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> bytes, int i)
    {
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }
}
