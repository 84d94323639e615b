namespace LogSentinel.Detect.Detectors.OffHours;

/// <summary>
/// Lookups outside the working calendar (local time) that the account's own history does not explain, and the
/// calendar itself: working hours, working days and public holidays.
/// </summary>
public sealed class OffHoursOptions
{
    /// <summary>Start of working hours, local time (default 07:30).</summary>
    public TimeSpan WorkStart { get; set; } = new(7, 30, 0);

    /// <summary>End of working hours, local time (default 17:30).</summary>
    public TimeSpan WorkEnd { get; set; } = new(17, 30, 0);

    /// <summary>Working weekdays, comma-separated English names (default Monday to Friday).</summary>
    public string WorkingDays { get; set; } = "Monday,Tuesday,Wednesday,Thursday,Friday";

    /// <summary>Whether the built-in Vietnamese public holidays 2023-2027 (Tet included) are days off (default true).</summary>
    public bool BuiltInHolidays { get; set; } = true;

    /// <summary>Further days off (yyyy-MM-dd), added to the built-in ones (default none).</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>
    /// Days (yyyy-MM-dd) that are working days whatever their weekday or holiday status (default none): a Saturday
    /// worked to make up for a bridge holiday.
    /// </summary>
    public List<DateOnly> WorkingDates { get; set; } = [];

    /// <summary>Off-hours lookups of one account within one local clock hour before it is judged (default 20).</summary>
    public int MinLookups { get; set; } = 20;

    /// <summary>
    /// How long an account must have been seen before it is judged at <see cref="MinLookups"/>, in hours
    /// (default 24): its first day teaches what its normal is (a police officer's first night shift).
    /// </summary>
    public int WarmupHours { get; set; } = 24;

    /// <summary>
    /// Off-hours lookups within one hour that are judged even in the warm-up (default 100, beyond what an officer
    /// does by hand), so a first evening of scripted lookups does not become normal.
    /// </summary>
    public int WarmupMinLookups { get; set; } = 100;

    /// <summary>Days of history the account is compared with (default 28, at most 63).</summary>
    public int LookbackDays { get; set; } = 28;

    /// <summary>
    /// Previous days within the look-back on which the account was active in the same local hour of the day or a neighbouring one of the same kind (for daytime on weekends and holidays, on days off only) that make the hour normal for it (default 2).
    /// A younger history asks for proportionally fewer, at least one: the required count is
    /// <c>ceil(MinSimilarDays × days seen / LookbackDays)</c>.
    /// </summary>
    public int MinSimilarDays { get; set; } = 2;

    /// <summary>Distinct local hours of the day the account was active in within the look-back that make it a round-the-clock (service) account (default 20).</summary>
    public int RoundTheClockHours { get; set; } = 20;

    /// <summary>
    /// Accounts of the same agency making off-hours lookups in the same hour, this one included, that show the
    /// agency itself is open (a one-stop centre's Saturday morning, a police night duty) (default 3; 0 disables).
    /// </summary>
    public int MinAgencyPeers { get; set; } = 3;

    internal IReadOnlyList<DayOfWeek> ParseWorkingDays()
    {
        var days = new List<DayOfWeek>();
        foreach (var part in WorkingDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            DetectionOptions.Require(Enum.TryParse<DayOfWeek>(part, ignoreCase: true, out var day) && !int.TryParse(part, out _),
                $"OffHours:WorkingDays has an unknown day '{part}'");
            days.Add(day);
        }

        return days;
    }

    internal void Validate()
    {
        DetectionOptions.Require(WorkStart >= TimeSpan.Zero && WorkEnd <= TimeSpan.FromHours(24) && WorkStart < WorkEnd,
            "OffHours:WorkStart must be before OffHours:WorkEnd, both within the day");
        _ = ParseWorkingDays();
        DetectionOptions.Require(MinLookups >= 1, "OffHours:MinLookups must be at least 1");
        DetectionOptions.Require(WarmupMinLookups >= MinLookups, "OffHours:WarmupMinLookups must be at least OffHours:MinLookups");
        DetectionOptions.Require(WarmupHours >= 0, "OffHours:WarmupHours must not be negative");
        DetectionOptions.Require(LookbackDays is >= 1 and <= 63, "OffHours:LookbackDays must be between 1 and 63");
        DetectionOptions.Require(MinSimilarDays >= 1, "OffHours:MinSimilarDays must be at least 1");
        DetectionOptions.Require(RoundTheClockHours is >= 1 and <= 24, "OffHours:RoundTheClockHours must be between 1 and 24");
        DetectionOptions.Require(MinAgencyPeers >= 0, "OffHours:MinAgencyPeers must not be negative");
    }
}
