namespace LogSentinel.Detect.Calendar;

/// <summary>
/// The built-in Vietnamese public holidays 2023-2027 (days off as announced, bridge days included): New Year's
/// Day, Tet (the Lunar New Year break), Hung Kings' Commemoration, Reunification and Labour Day, National Day.
/// 2027 follows the Labour Code's rules ahead of the government's announcement; operators add or override dates
/// under <c>Detection:OffHours:Holidays</c>.
/// </summary>
public static class VietnamHolidays
{
    private static readonly (DateOnly From, DateOnly To)[] Ranges =
    [
        (new(2023, 1, 1), new(2023, 1, 2)),
        (new(2023, 1, 20), new(2023, 1, 26)),
        (new(2023, 4, 29), new(2023, 5, 3)),
        (new(2023, 9, 1), new(2023, 9, 4)),
        (new(2024, 1, 1), new(2024, 1, 1)),
        (new(2024, 2, 8), new(2024, 2, 14)),
        (new(2024, 4, 18), new(2024, 4, 18)),
        (new(2024, 4, 27), new(2024, 5, 1)),
        (new(2024, 8, 31), new(2024, 9, 3)),
        (new(2025, 1, 1), new(2025, 1, 1)),
        (new(2025, 1, 25), new(2025, 2, 2)),
        (new(2025, 4, 7), new(2025, 4, 7)),
        (new(2025, 4, 30), new(2025, 5, 1)),
        (new(2025, 8, 30), new(2025, 9, 2)),
        (new(2026, 1, 1), new(2026, 1, 1)),
        (new(2026, 2, 14), new(2026, 2, 22)),
        (new(2026, 4, 26), new(2026, 4, 26)),
        (new(2026, 4, 30), new(2026, 5, 1)),
        (new(2026, 9, 1), new(2026, 9, 2)),
        (new(2027, 1, 1), new(2027, 1, 1)),
        (new(2027, 2, 4), new(2027, 2, 10)),
        (new(2027, 4, 16), new(2027, 4, 16)),
        (new(2027, 4, 30), new(2027, 5, 3)),
        (new(2027, 9, 2), new(2027, 9, 3)),
    ];

    /// <summary>Every built-in holiday date, in order.</summary>
    public static IReadOnlyList<DateOnly> Dates { get; } = Expand();

    private static DateOnly[] Expand()
    {
        var dates = new List<DateOnly>();
        foreach (var (from, to) in Ranges)
        {
            for (var d = from; d <= to; d = d.AddDays(1))
            {
                dates.Add(d);
            }
        }

        return [.. dates];
    }
}
