namespace LogSentinel.Simulate.Rhythm;

/// <summary>
/// Vietnamese public holidays (days off including the announced bridge days). Tet dates follow the lunar calendar,
/// so they are listed per year; years outside the list keep only the fixed solar holidays.
/// </summary>
internal static class HolidayCalendar
{
    private static readonly (DateOnly From, DateOnly To)[] Tet =
    [
        (new(2023, 1, 20), new(2023, 1, 26)),
        (new(2024, 2, 8), new(2024, 2, 14)),
        (new(2025, 1, 25), new(2025, 2, 2)),
        (new(2026, 2, 14), new(2026, 2, 22)),
    ];

    private static readonly (DateOnly From, DateOnly To)[] Other =
    [
        (new(2023, 4, 29), new(2023, 5, 3)),
        (new(2023, 9, 1), new(2023, 9, 4)),
        (new(2024, 4, 18), new(2024, 4, 18)),
        (new(2024, 4, 27), new(2024, 5, 1)),
        (new(2024, 8, 31), new(2024, 9, 3)),
        (new(2025, 4, 7), new(2025, 4, 7)),
        (new(2025, 4, 30), new(2025, 5, 1)),
        (new(2025, 8, 30), new(2025, 9, 2)),
        (new(2026, 4, 26), new(2026, 4, 26)),
        (new(2026, 4, 30), new(2026, 5, 1)),
        (new(2026, 9, 1), new(2026, 9, 2)),
    ];

    /// <summary>Whether <paramref name="date"/> falls in the Lunar New Year break.</summary>
    public static bool IsTet(DateOnly date)
    {
        foreach (var (from, to) in Tet)
        {
            if (date >= from && date <= to)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="date"/> is a public holiday (Tet included).</summary>
    public static bool IsHoliday(DateOnly date)
    {
        if (IsTet(date) || (date.Month == 1 && date.Day == 1))
        {
            return true;
        }

        foreach (var (from, to) in Other)
        {
            if (date >= from && date <= to)
            {
                return true;
            }
        }

        // Years without a published schedule still close on the fixed solar holidays.
        var known = date.Year is >= 2023 and <= 2026;
        return !known && ((date.Month == 4 && date.Day == 30) || (date.Month == 5 && date.Day == 1) || (date.Month == 9 && date.Day == 2));
    }
}
