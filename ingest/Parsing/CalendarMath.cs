namespace LogSentinel.Ingest.Parsing;

/// <summary>Proleptic Gregorian date arithmetic without <see cref="DateTime"/> (no exceptions on bad input).</summary>
internal static class CalendarMath
{
    public const long MillisecondsPerDay = 86_400_000;

    /// <summary>Days since 1970-01-01 of a valid civil date (Howard Hinnant's <c>days_from_civil</c>).</summary>
    public static long DaysFromCivil(int year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097L) + dayOfEra - 719_468;
    }

    public static bool IsValidDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DaysInMonth(year, month);

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static bool IsLeapYear(int year) => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

    /// <summary>Reads <paramref name="count"/> ASCII digits at <paramref name="at"/>; false on any non-digit.</summary>
    public static bool TryDigits(ReadOnlySpan<byte> s, int at, int count, out int value)
    {
        value = 0;
        if ((uint)(at + count) > (uint)s.Length)
        {
            return false;
        }

        var v = 0;
        for (var i = at; i < at + count; i++)
        {
            var digit = (uint)(s[i] - '0');
            if (digit > 9)
            {
                return false;
            }

            v = (v * 10) + (int)digit;
        }

        value = v;
        return true;
    }

    /// <summary>Unix milliseconds of a local time at UTC offset <paramref name="offsetMinutes"/>, or false for an impossible time.</summary>
    public static bool TryToUnixMs(
        int year, int month, int day, int hour, int minute, int second, int millisecond, int offsetMinutes, out long unixMs)
    {
        unixMs = 0;

        // Second 60 is a leap second in RFC 3339; it is kept as the first instant of the next minute.
        if (!IsValidDate(year, month, day) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var seconds = (DaysFromCivil(year, month, day) * 86_400L) + (hour * 3600L) + (minute * 60L) + second - (offsetMinutes * 60L);
        unixMs = (seconds * 1000L) + millisecond;
        return true;
    }
}
