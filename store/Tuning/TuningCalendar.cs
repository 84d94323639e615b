namespace LogSentinel.Store.Tuning;

/// <summary>Calendar changes in local dates: extra days off (a holiday announced late) and extra working days (a Saturday worked to make up a bridge day).</summary>
public sealed record TuningCalendar
{
    public IReadOnlyList<DateOnly> ExtraHolidays { get; init; } = [];

    public IReadOnlyList<DateOnly> ExtraWorkingDays { get; init; } = [];
}
