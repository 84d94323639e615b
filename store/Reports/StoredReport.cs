namespace LogSentinel.Store.Reports;

/// <summary>A generated daily report as the <c>reports</c> table keeps it; a newer generation of the same day, agency and language replaces an older one.</summary>
/// <param name="Date">The local day reported on.</param>
/// <param name="Agency">The agency it is limited to; empty for the whole province.</param>
/// <param name="Language"><c>vi</c> or <c>en</c>.</param>
/// <param name="GeneratedAt">Wall clock of generation (UTC).</param>
/// <param name="Json">The figures as JSON.</param>
/// <param name="Html">The printable HTML, charts embedded.</param>
public sealed record StoredReport(DateOnly Date, string Agency, string Language, DateTime GeneratedAt, string Json, string Html);

/// <summary>A stored report without its bodies, for listings.</summary>
public sealed record StoredReportInfo(DateOnly Date, string Agency, string Language, DateTime GeneratedAt, int HtmlBytes);
