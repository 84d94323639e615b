namespace LogSentinel.Simulate.Rhythm;

/// <summary>
/// Maps simulated day indices to local dates and epoch milliseconds. All simulated time is local (UTC+07:00);
/// nothing here reads a clock.
/// </summary>
internal sealed class SimCalendar
{
    /// <summary>Vietnam's offset from UTC: all local times in the logs carry it.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public const long MsPerDay = 86_400_000;
    public const long MsPerHour = 3_600_000;
    public const long MsPerMinute = 60_000;

    private readonly bool[] _holiday;
    private readonly bool[] _tet;

    public SimCalendar(DateOnly start, int days)
    {
        Start = start;
        Days = days;
        StartMs = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), Offset).ToUnixTimeMilliseconds();
        _holiday = new bool[days];
        _tet = new bool[days];
        for (var d = 0; d < days; d++)
        {
            _holiday[d] = HolidayCalendar.IsHoliday(start.AddDays(d));
            _tet[d] = HolidayCalendar.IsTet(start.AddDays(d));
        }
    }

    public DateOnly Start { get; }

    public int Days { get; }

    /// <summary>Unix milliseconds of local midnight starting day 0.</summary>
    public long StartMs { get; }

    public long EndMs => StartMs + (Days * MsPerDay);

    public long DayStartMs(int day) => StartMs + (day * MsPerDay);

    public DateOnly Date(int day) => Start.AddDays(day);

    public DayOfWeek DayOfWeek(int day) => Start.AddDays(day).DayOfWeek;

    public bool IsHoliday(int day) => day >= 0 && day < Days && _holiday[day];

    public bool IsTet(int day) => day >= 0 && day < Days && _tet[day];

    public bool IsWeekend(int day) => DayOfWeek(day) is System.DayOfWeek.Saturday or System.DayOfWeek.Sunday;

    /// <summary>A normal office working day: Monday to Friday and not a holiday.</summary>
    public bool IsWorkingDay(int day) => !IsWeekend(day) && !IsHoliday(day);

    /// <summary>Day index of a local date (may be outside the period).</summary>
    public int DayOf(DateOnly date) => date.DayNumber - Start.DayNumber;

    /// <summary>Day index holding the instant <paramref name="unixMs"/>.</summary>
    public int DayOf(long unixMs) => (int)Math.Floor((unixMs - StartMs) / (double)MsPerDay);

    public static DateTimeOffset ToLocal(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToOffset(Offset);

}
