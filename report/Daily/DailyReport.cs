using LogSentinel.Store.Reports;

namespace LogSentinel.Report.Daily;

/// <summary>
/// Everything the daily risk report says, in the order a leader reads it: the key message, the day at a glance,
/// where the risk is, how it compares with the weeks before, how triage keeps up, and whether the data can be
/// trusted. Serialized as the report's JSON; the HTML is drawn from it.
/// </summary>
/// <param name="Date">The local day reported on.</param>
/// <param name="Agency">The agency it is limited to; null for the whole province.</param>
/// <param name="Language"><c>vi</c> or <c>en</c>.</param>
/// <param name="GeneratedAt">Wall clock of generation, local time.</param>
/// <param name="DayStart">Start of the local day.</param>
/// <param name="DayEnd">End of the local day (exclusive).</param>
/// <param name="HasData">False when the day has neither events nor alerts.</param>
/// <param name="Headline">The key message.</param>
/// <param name="Glance">The day's numbers.</param>
/// <param name="AlertsByType">Alerts active during the day, by type.</param>
/// <param name="AlertsByAgency">The same alerts by agency of their entity.</param>
/// <param name="TopAccounts">Riskiest accounts, with the reason.</param>
/// <param name="TopAddresses">Riskiest source addresses, with the reason.</param>
/// <param name="TopAgencies">Riskiest agencies, with the reason.</param>
/// <param name="BusiestAccounts">Accounts with the most lookups.</param>
/// <param name="HourlyLookups">Lookups per local hour, 24 values.</param>
/// <param name="Trends">The day against the previous 7 and 30 days.</param>
/// <param name="Triage">Backlog and closing.</param>
/// <param name="DataQuality">Sources, dead letters and gaps.</param>
/// <param name="Tuning">Tuning changes made during the day.</param>
public sealed record DailyReport(
    DateOnly Date,
    string? Agency,
    string Language,
    DateTimeOffset GeneratedAt,
    DateTimeOffset DayStart,
    DateTimeOffset DayEnd,
    bool HasData,
    Headline Headline,
    DayGlance Glance,
    IReadOnlyList<AlertCountRow> AlertsByType,
    IReadOnlyList<AlertCountRow> AlertsByAgency,
    IReadOnlyList<RiskyEntity> TopAccounts,
    IReadOnlyList<RiskyEntity> TopAddresses,
    IReadOnlyList<RiskyEntity> TopAgencies,
    IReadOnlyList<EntityVolume> BusiestAccounts,
    IReadOnlyList<ulong> HourlyLookups,
    Trends Trends,
    TriageFigures Triage,
    DataQuality DataQuality,
    TuningSection Tuning);

/// <summary>The key message: one sentence, its level, and a few supporting points.</summary>
/// <param name="Level"><c>ok</c>, <c>attention</c> or <c>alert</c>.</param>
/// <param name="Message">The sentence a leader reads first.</param>
/// <param name="Points">At most four short supporting sentences.</param>
public sealed record Headline(string Level, string Message, IReadOnlyList<string> Points);

/// <summary>The day at a glance.</summary>
/// <param name="Activity">Traffic counted on the raw events.</param>
/// <param name="AlertsActive">Alerts whose occurrence overlaps the day.</param>
/// <param name="AlertsNew">Of those, first seen during the day.</param>
/// <param name="AlertsBySeverity">Active alerts by severity, every severity present (critical first).</param>
public sealed record DayGlance(ActivityFigures Activity, int AlertsActive, int AlertsNew, IReadOnlyDictionary<string, int> AlertsBySeverity);

/// <summary>Alerts of one type or agency.</summary>
/// <param name="Key">The type or agency code.</param>
/// <param name="Label">The type's name in the report's language, or the agency code.</param>
/// <param name="Alerts">Alerts active during the day.</param>
/// <param name="Serious">Of those, high or critical.</param>
/// <param name="BySeverity">The alerts by severity.</param>
public sealed record AlertCountRow(string Key, string Label, int Alerts, int Serious, IReadOnlyDictionary<string, int> BySeverity);

/// <summary>An account, address or agency ranked by the alerts about it.</summary>
/// <param name="Name">Account name, address or agency code.</param>
/// <param name="Agency">Agency of the account or address when known.</param>
/// <param name="MaxScore">Highest alert score (0-100).</param>
/// <param name="Severity">Severity of that alert.</param>
/// <param name="Alerts">Alerts about it active during the day.</param>
/// <param name="Reason">Why, in one sentence of the report's language.</param>
public sealed record RiskyEntity(string Name, string Agency, int MaxScore, string Severity, int Alerts, string Reason);

/// <summary>The day against the weeks before it.</summary>
/// <param name="Lookups">Lookups of the day and their comparison.</param>
/// <param name="Requests">Gateway requests of the day and their comparison.</param>
/// <param name="Alerts">Alerts first seen that day and their comparison.</param>
/// <param name="HistoryDays">Previous days (at most 30) since the store's data begins; 0 means nothing to compare with.</param>
/// <param name="Days">The last 31 days, oldest first, the report's day last.</param>
public sealed record Trends(TrendFigure Lookups, TrendFigure Requests, TrendFigure Alerts, int HistoryDays, IReadOnlyList<TrendDay> Days);

/// <summary>One measure of the day against the mean of the previous 7 and 30 days.</summary>
/// <param name="Day">The day's value.</param>
/// <param name="Mean7">Mean of the previous 7 days, or of fewer when the data begins later (quiet days within count as 0).</param>
/// <param name="Mean30">Mean of the previous 30 days, likewise.</param>
/// <param name="Change7">Relative change against the 7-day mean (0.25 = +25 %); null when the mean is 0.</param>
/// <param name="Change30">Relative change against the 30-day mean; null when the mean is 0.</param>
/// <param name="SameWeekdayMean">Mean of the same weekday in the previous four weeks (those the data covers); null when none.</param>
/// <param name="ChangeSameWeekday">Relative change against it: the fair comparison for a Monday or a Saturday; null when unknown or 0.</param>
public sealed record TrendFigure(double Day, double Mean7, double Mean30, double? Change7, double? Change30, double? SameWeekdayMean, double? ChangeSameWeekday);

/// <summary>One day of the trend series.</summary>
public sealed record TrendDay(DateOnly Date, ulong Requests, ulong Lookups, ulong Alerts, ulong SeriousAlerts);

/// <summary>Whether the day's data can be trusted.</summary>
/// <param name="Sources">Every source seen in the day or the week before, with its status.</param>
/// <param name="DeadLettersByReason">Lines set aside during the day, by reason.</param>
/// <param name="Gaps">Silences of a source within the watched hours.</param>
/// <param name="GapWatch">The local hours watched for gaps, e.g. <c>07:30-17:30</c>.</param>
/// <param name="GapMinutes">The shortest silence reported as a gap.</param>
public sealed record DataQuality(
    IReadOnlyList<SourceStatus> Sources, IReadOnlyDictionary<string, ulong> DeadLettersByReason, IReadOnlyList<IngestGap> Gaps, string GapWatch, int GapMinutes)
{
    public ulong DeadLetters => DeadLettersByReason.Values.Aggregate(0UL, (a, b) => a + b);
}

/// <summary>A source and what the report makes of it.</summary>
/// <param name="Activity">The store's figures.</param>
/// <param name="Status"><c>ok</c>, <c>silent</c> (nothing during the day, data in the week before), <c>late</c> (median delay above the limit) or <c>backfilled</c> (the day was loaded later, delay not judged).</param>
public sealed record SourceStatus(SourceActivity Activity, string Status);

/// <summary>Tuning changes of the day.</summary>
/// <param name="Available">False when this installation keeps no tuning history.</param>
/// <param name="Changes">The changes, oldest first.</param>
public sealed record TuningSection(bool Available, IReadOnlyList<Tuning.TuningChangeLine> Changes);
