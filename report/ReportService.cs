using LogSentinel.Report.Daily;
using LogSentinel.Report.Output;
using LogSentinel.Report.Rendering;
using LogSentinel.Report.Tuning;
using LogSentinel.Store;
using LogSentinel.Store.Reports;

namespace LogSentinel.Report;

/// <summary>
/// The daily risk report as a service: generate (gather, draw, store), list and fetch stored reports, and write
/// them as files. The CLI, the scheduler and the API all go through here.
/// </summary>
public sealed class ReportService
{
    private readonly ILogStore _store;
    private readonly ReportOptions _options;
    private readonly ITuningHistory _tuning;
    private readonly TimeProvider _time;

    /// <summary>A service over <paramref name="store"/>; tuning changes come from the store's tuning history unless <paramref name="tuning"/> says otherwise.</summary>
    public ReportService(ILogStore store, ReportOptions options, ITuningHistory? tuning = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _store = store;
        _options = options;
        _tuning = tuning ?? new StoreTuningHistory(store.Tuning);
        _time = time ?? TimeProvider.System;
    }

    public ReportOptions Options => _options;

    /// <summary>The local day before the current one: what a morning report covers.</summary>
    public DateOnly PreviousLocalDay() => DateOnly.FromDateTime(_time.GetUtcNow().ToOffset(_options.LocalOffset).DateTime).AddDays(-1);

    /// <summary>
    /// Gathers the figures of <paramref name="date"/> (a local day), renders HTML and JSON, stores them (replacing an
    /// earlier generation of the same day, agency and language) and returns both the figures and the stored report.
    /// </summary>
    public async Task<GeneratedReport> GenerateAsync(DateOnly date, string? agency = null, string? language = null, CancellationToken cancellationToken = default)
    {
        var lang = ReportLanguage.Parse(language ?? _options.Language);
        var figures = await new DailyReportBuilder(_store, _options, _tuning, _time).BuildAsync(date, agency, lang, cancellationToken).ConfigureAwait(false);
        var stored = new StoredReport(date, figures.Agency ?? string.Empty, lang, figures.GeneratedAt.UtcDateTime, ReportJson.Serialize(figures), DailyReportHtml.Render(figures));
        await _store.Reports.SaveAsync(stored, cancellationToken).ConfigureAwait(false);
        return new GeneratedReport(figures, stored);
    }

    /// <summary>Stored reports with a date in [first, last], newest first, without their bodies.</summary>
    public Task<IReadOnlyList<StoredReportInfo>> ListAsync(DateOnly? first = null, DateOnly? last = null, string? agency = null, CancellationToken cancellationToken = default) =>
        _store.Reports.ListAsync(first, last, agency, cancellationToken);

    /// <summary>A stored report, or null when that day, agency and language was never generated.</summary>
    public Task<StoredReport?> GetAsync(DateOnly date, string? agency = null, string? language = null, CancellationToken cancellationToken = default) =>
        _store.Reports.GetAsync(date, string.IsNullOrWhiteSpace(agency) ? null : agency.Trim(), ReportLanguage.Parse(language ?? _options.Language), cancellationToken);

    /// <summary>Writes the report's HTML and JSON into <paramref name="directory"/> and, where Chromium is installed, a PDF of the HTML.</summary>
    public Task<ReportFiles> WriteFilesAsync(StoredReport report, string directory, bool pdf = true, CancellationToken cancellationToken = default) =>
        WriteFilesAsync(report, _options, directory, pdf, cancellationToken);

    /// <summary>
    /// Writes a stored report's files with <paramref name="options"/> (Chromium for the PDF), without a store: for a
    /// report another process generated and stored.
    /// </summary>
    public static async Task<ReportFiles> WriteFilesAsync(StoredReport report, ReportOptions options, string directory, bool pdf = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, FileStem(report));
        var html = stem + ".html";
        var json = stem + ".json";
        await File.WriteAllTextAsync(html, report.Html, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(json, report.Json, cancellationToken).ConfigureAwait(false);
        if (!pdf)
        {
            return new ReportFiles(html, json, null, "No PDF: not requested.");
        }

        var printer = new ChromiumPdfPrinter(options.ChromiumPath, TimeSpan.FromSeconds(options.PdfTimeoutSeconds));
        var outcome = await printer.PrintPdfAsync(html, stem + ".pdf", cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded ? new ReportFiles(html, json, outcome.Message, null) : new ReportFiles(html, json, null, outcome.Message);
    }

    /// <summary><c>logsentinel-report-2024-01-08-vi</c>, with the agency when the report is limited to one.</summary>
    public static string FileStem(StoredReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var agency = report.Agency.Length == 0 ? string.Empty : "-" + new string([.. report.Agency.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        return $"logsentinel-report-{report.Date:yyyy-MM-dd}{agency}-{report.Language}";
    }
}

/// <summary>A report just generated: its figures and what was stored.</summary>
public sealed record GeneratedReport(DailyReport Figures, StoredReport Stored);

/// <summary>The files a report was written to; <see cref="PdfPath"/> is null when no PDF could be made, and <see cref="PdfNote"/> says why.</summary>
public sealed record ReportFiles(string HtmlPath, string JsonPath, string? PdfPath, string? PdfNote);
