namespace LogSentinel.Store.Reports;

/// <summary>
/// The figures a daily report is made of and the reports themselves. Spans are half-open UTC intervals
/// [from, to); days are local days, <c>offset</c> ahead of UTC. A null or empty agency means the whole province.
/// </summary>
public interface IReportStore
{
    /// <summary>Traffic in the span, counted on the raw event tables.</summary>
    Task<ActivityFigures> GetActivityAsync(DateTime fromUtc, DateTime toUtc, string? agency, CancellationToken cancellationToken = default);

    /// <summary>Traffic per local day over [first, last], from the agency rollup; days without traffic are absent.</summary>
    Task<IReadOnlyList<DailyVolume>> GetDailyVolumesAsync(DateOnly first, DateOnly last, TimeSpan offset, string? agency, CancellationToken cancellationToken = default);

    /// <summary>Alerts per local day of first occurrence over [first, last]; days without alerts are absent.</summary>
    Task<IReadOnlyList<DailyAlertCount>> GetDailyAlertCountsAsync(DateOnly first, DateOnly last, TimeSpan offset, string? agency, CancellationToken cancellationToken = default);

    /// <summary>Traffic per local clock hour of the span, from the agency rollup; hours without traffic are absent.</summary>
    Task<IReadOnlyList<HourlyVolume>> GetHourlyVolumesAsync(DateTime fromUtc, DateTime toUtc, TimeSpan offset, string? agency, CancellationToken cancellationToken = default);

    /// <summary>The accounts with the most lookups in the span, from the account rollup.</summary>
    Task<IReadOnlyList<EntityVolume>> GetBusiestAccountsAsync(DateTime fromUtc, DateTime toUtc, string? agency, int limit, CancellationToken cancellationToken = default);

    /// <summary>The backlog and what was closed in the span.</summary>
    Task<TriageFigures> GetTriageAsync(DateTime fromUtc, DateTime toUtc, string? agency, CancellationToken cancellationToken = default);

    /// <summary>Every source seen in the span or in the lookback before it, with its volume and delay.</summary>
    Task<IReadOnlyList<SourceActivity>> GetSourceActivityAsync(DateTime lookbackUtc, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default);

    /// <summary>Stretches of at least <paramref name="minGap"/> inside the span where a source that had events in it had none.</summary>
    Task<IReadOnlyList<IngestGap>> GetIngestGapsAsync(DateTime fromUtc, DateTime toUtc, TimeSpan minGap, CancellationToken cancellationToken = default);

    /// <summary>Lines set aside as dead letters in the span (by when they were received), by reason, re-driven ones included.</summary>
    Task<IReadOnlyDictionary<string, ulong>> GetDeadLettersByReasonAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default);

    /// <summary>Stores a generated report, replacing an earlier one of the same day, agency and language.</summary>
    Task SaveAsync(StoredReport report, CancellationToken cancellationToken = default);

    /// <summary>The newest generation of each stored report with a date in [first, last], newest date first.</summary>
    Task<IReadOnlyList<StoredReportInfo>> ListAsync(DateOnly? first = null, DateOnly? last = null, string? agency = null, CancellationToken cancellationToken = default);

    /// <summary>One page of the stored reports, filtered, sorted and paged in SQL (the newest generation of each).</summary>
    Task<ReportPage> SearchAsync(ReportSearch search, CancellationToken cancellationToken = default);

    /// <summary>The newest generation of one report, or null.</summary>
    Task<StoredReport?> GetAsync(DateOnly date, string? agency, string language, CancellationToken cancellationToken = default);
}
