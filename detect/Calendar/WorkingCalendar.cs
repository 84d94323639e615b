using LogSentinel.Detect.Detectors.OffHours;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Calendar;

/// <summary>
/// The provinces' working calendar in local time: working days (default Monday to Friday) minus public holidays,
/// and working hours (default 07:30-17:30). Everything else is off-hours. Answers by day number without
/// allocating; the holiday set is read once.
/// </summary>
internal sealed class WorkingCalendar
{
    private readonly HashSet<int> _holidays = [];
    private readonly HashSet<int> _workingDates = [];
    private readonly bool[] _workingWeekdays = new bool[7];
    private readonly long _offsetMs;
    private readonly long _startMinute;
    private readonly long _endMinute;

    public WorkingCalendar(OffHoursOptions options, TimeSpan localOffset)
    {
        ArgumentNullException.ThrowIfNull(options);
        _offsetMs = (long)localOffset.TotalMilliseconds;
        _startMinute = (long)options.WorkStart.TotalMinutes;
        _endMinute = (long)options.WorkEnd.TotalMinutes;
        foreach (var day in options.ParseWorkingDays())
        {
            _workingWeekdays[(int)day] = true;
        }

        if (options.BuiltInHolidays)
        {
            foreach (var d in VietnamHolidays.Dates)
            {
                _holidays.Add(d.DayNumber);
            }
        }

        foreach (var d in options.Holidays)
        {
            _holidays.Add(d.DayNumber);
        }

        foreach (var d in options.WorkingDates)
        {
            _workingDates.Add(d.DayNumber);
        }
    }

    /// <summary>Local day number (as <see cref="DateOnly.DayNumber"/>) of an event time.</summary>
    public int LocalDay(long utcMs) => (int)(Floor(utcMs + _offsetMs, WindowSizes.Day) + UnixEpochDayNumber);

    /// <summary>Local hour index (hours since the Unix epoch in local time) of an event time.</summary>
    public long LocalHour(long utcMs) => Floor(utcMs + _offsetMs, WindowSizes.Hour);

    /// <summary>Event time (UTC ms) at which local hour <paramref name="localHour"/> starts.</summary>
    public long HourStartUtc(long localHour) => (localHour * WindowSizes.Hour) - _offsetMs;

    /// <summary>Whether the local date is a working day: a declared working date, or a working weekday that is no holiday.</summary>
    public bool IsWorkingDay(int dayNumber) =>
        _workingDates.Contains(dayNumber) || (_workingWeekdays[(int)DateOnly.FromDayNumber(dayNumber).DayOfWeek] && !_holidays.Contains(dayNumber));

    public bool IsHoliday(int dayNumber) => _holidays.Contains(dayNumber);

    /// <summary>Whether the local minute of day lies inside working hours.</summary>
    public bool IsWorkingMinute(long minuteOfDay) => minuteOfDay >= _startMinute && minuteOfDay < _endMinute;

    /// <summary>Whether an event time falls inside working hours of a working day.</summary>
    public bool IsWorkingTime(long utcMs)
    {
        var local = utcMs + _offsetMs;
        var minuteOfDay = (local - (Floor(local, WindowSizes.Day) * WindowSizes.Day)) / WindowSizes.Minute;
        return IsWorkingMinute(minuteOfDay) && IsWorkingDay(LocalDay(utcMs));
    }

    private const int UnixEpochDayNumber = 719_162;

    private static long Floor(long value, long unit) => Math.DivRem(value, unit) is var (q, r) && r < 0 ? q - 1 : q;
}
