using LogSentinel.Ingest.DeadLetters;

namespace LogSentinel.Ingest.Parsing;

/// <summary>
/// RFC 3339 timestamps (<c>2024-01-15T09:12:33.123+07:00</c>, <c>...Z</c>) to Unix milliseconds, UTC.
/// The separator may be <c>T</c>, <c>t</c> or a space; the fraction is optional and truncated to milliseconds;
/// the offset is mandatory: without it the instant is unknown (<see cref="DeadLetterReason.MissingOffset"/>).
/// </summary>
internal static class Rfc3339Timestamp
{
    public static DeadLetterReason Parse(ReadOnlySpan<byte> s, out long unixMs)
    {
        unixMs = 0;
        if (s.Length < 19
            || !CalendarMath.TryDigits(s, 0, 4, out var year) || s[4] != (byte)'-'
            || !CalendarMath.TryDigits(s, 5, 2, out var month) || s[7] != (byte)'-'
            || !CalendarMath.TryDigits(s, 8, 2, out var day) || s[10] is not ((byte)'T' or (byte)'t' or (byte)' ')
            || !CalendarMath.TryDigits(s, 11, 2, out var hour) || s[13] != (byte)':'
            || !CalendarMath.TryDigits(s, 14, 2, out var minute) || s[16] != (byte)':'
            || !CalendarMath.TryDigits(s, 17, 2, out var second))
        {
            return DeadLetterReason.BadTimestamp;
        }

        var i = 19;
        var millisecond = 0;
        if (i < s.Length && s[i] == (byte)'.')
        {
            i++;
            var start = i;
            while (i < s.Length && char.IsAsciiDigit((char)s[i]))
            {
                if (i - start < 3)
                {
                    millisecond = (millisecond * 10) + (s[i] - '0');
                }

                i++;
            }

            var digits = i - start;
            if (digits == 0)
            {
                return DeadLetterReason.BadTimestamp;
            }

            for (var scale = digits; scale < 3; scale++)
            {
                millisecond *= 10;
            }
        }

        if (i == s.Length)
        {
            return DeadLetterReason.MissingOffset;
        }

        int offsetMinutes;
        if (s[i] is (byte)'Z' or (byte)'z')
        {
            offsetMinutes = 0;
            i++;
        }
        else if (s[i] is (byte)'+' or (byte)'-')
        {
            if (!CalendarMath.TryDigits(s, i + 1, 2, out var offsetHours) || i + 3 >= s.Length || s[i + 3] != (byte)':'
                || !CalendarMath.TryDigits(s, i + 4, 2, out var offsetMins) || offsetHours > 23 || offsetMins > 59)
            {
                return DeadLetterReason.BadTimestamp;
            }

            offsetMinutes = (offsetHours * 60) + offsetMins;
            if (s[i] == (byte)'-')
            {
                offsetMinutes = -offsetMinutes;
            }

            i += 6;
        }
        else
        {
            return DeadLetterReason.BadTimestamp;
        }

        if (i != s.Length)
        {
            return DeadLetterReason.BadTimestamp;
        }

        return CalendarMath.TryToUnixMs(year, month, day, hour, minute, second, millisecond, offsetMinutes, out unixMs)
            ? DeadLetterReason.None
            : DeadLetterReason.BadTimestamp;
    }
}
