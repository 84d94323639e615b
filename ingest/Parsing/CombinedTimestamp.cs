using LogSentinel.Ingest.DeadLetters;

namespace LogSentinel.Ingest.Parsing;

/// <summary>NGINX <c>$time_local</c> (<c>15/Jan/2024:09:12:33 +0700</c>) to Unix milliseconds, UTC.</summary>
internal static class CombinedTimestamp
{
    private const int LocalLength = 20;

    public static DeadLetterReason Parse(ReadOnlySpan<byte> s, out long unixMs)
    {
        unixMs = 0;
        if (s.Length < LocalLength
            || !CalendarMath.TryDigits(s, 0, 2, out var day) || s[2] != (byte)'/'
            || !TryMonth(s.Slice(3, 3), out var month) || s[6] != (byte)'/'
            || !CalendarMath.TryDigits(s, 7, 4, out var year) || s[11] != (byte)':'
            || !CalendarMath.TryDigits(s, 12, 2, out var hour) || s[14] != (byte)':'
            || !CalendarMath.TryDigits(s, 15, 2, out var minute) || s[17] != (byte)':'
            || !CalendarMath.TryDigits(s, 18, 2, out var second))
        {
            return DeadLetterReason.BadTimestamp;
        }

        if (s.Length == LocalLength)
        {
            return DeadLetterReason.MissingOffset;
        }

        if (s.Length != LocalLength + 6 || s[LocalLength] != (byte)' ' || s[LocalLength + 1] is not ((byte)'+' or (byte)'-')
            || !CalendarMath.TryDigits(s, LocalLength + 2, 2, out var offsetHours)
            || !CalendarMath.TryDigits(s, LocalLength + 4, 2, out var offsetMins)
            || offsetHours > 23 || offsetMins > 59)
        {
            return DeadLetterReason.BadTimestamp;
        }

        var offsetMinutes = (offsetHours * 60) + offsetMins;
        if (s[LocalLength + 1] == (byte)'-')
        {
            offsetMinutes = -offsetMinutes;
        }

        return CalendarMath.TryToUnixMs(year, month, day, hour, minute, second, 0, offsetMinutes, out unixMs)
            ? DeadLetterReason.None
            : DeadLetterReason.BadTimestamp;
    }

    private static bool TryMonth(ReadOnlySpan<byte> name, out int month)
    {
        // Lower-case all three letters at once; NGINX writes English abbreviations regardless of locale.
        var key = (name[0] | 0x20) << 16 | (name[1] | 0x20) << 8 | (name[2] | 0x20);
        month = key switch
        {
            ('j' << 16) | ('a' << 8) | 'n' => 1,
            ('f' << 16) | ('e' << 8) | 'b' => 2,
            ('m' << 16) | ('a' << 8) | 'r' => 3,
            ('a' << 16) | ('p' << 8) | 'r' => 4,
            ('m' << 16) | ('a' << 8) | 'y' => 5,
            ('j' << 16) | ('u' << 8) | 'n' => 6,
            ('j' << 16) | ('u' << 8) | 'l' => 7,
            ('a' << 16) | ('u' << 8) | 'g' => 8,
            ('s' << 16) | ('e' << 8) | 'p' => 9,
            ('o' << 16) | ('c' << 8) | 't' => 10,
            ('n' << 16) | ('o' << 8) | 'v' => 11,
            ('d' << 16) | ('e' << 8) | 'c' => 12,
            _ => 0,
        };
        return month != 0;
    }
}
