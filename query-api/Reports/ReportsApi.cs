using System.Globalization;
using System.Text.Json;
using LogSentinel.QueryApi.Audit;
using LogSentinel.QueryApi.Hosting;
using LogSentinel.QueryApi.Paging;
using LogSentinel.QueryApi.Security;
using LogSentinel.Report;
using LogSentinel.Store;
using LogSentinel.Store.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LogSentinel.QueryApi.Reports;

/// <summary>
/// The stored daily risk reports, read-only: the list, the figures as JSON and the printable HTML. Reports are made by
/// <c>logsentinel report</c> and the scheduler; this API only reads what they stored, through the store.
/// </summary>
internal static class ReportsApi
{
    private static readonly string[] Sorts = ["date", "generated_at"];
    private static readonly string[] Languages = ["vi", "en"];

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var reports = routes.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.ReportsRead);
        reports.MapGet("/", ListAsync).WithName("ListReports");
        reports.MapPost("/", GenerateAsync).RequireAuthorization(Policies.ReportsWrite).WithName("GenerateReport");
        reports.MapGet("/{date}", GetJsonAsync).WithName("GetReport");
        reports.MapGet("/{date}/html", GetHtmlAsync).WithName("GetReportHtml").Produces<string>(StatusCodes.Status200OK, "text/html");
        return routes;
    }

    private static async Task<Results<Ok<ListPage<ReportSummary>>, ValidationProblem>> ListAsync(
        [FromQuery(Name = "from")] string? from, [FromQuery(Name = "to")] string? to, [FromQuery(Name = "agency")] string? agency,
        [FromQuery(Name = "lang")] string? lang, [AsParameters] PageRequest request, ILogStore store, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var paging = Paging.Paging.Read(request, options.Value, Sorts, "date", true, errors);
        var first = ReadDate("from", from, errors);
        var last = ReadDate("to", to, errors);
        if (!string.IsNullOrEmpty(lang))
        {
            ReadLanguage(lang, errors);
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await store.Reports.SearchAsync(
            new ReportSearch
            {
                First = first,
                Last = last,
                Agency = Blank(agency),
                Language = string.IsNullOrEmpty(lang) ? null : lang,
                SortByGeneratedAt = paging.Sort == "generated_at",
                Descending = paging.Descending,
                Offset = paging.Offset,
                Limit = paging.PageSize,
            },
            cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ListPage<ReportSummary>([.. page.Items.Select(ReportSummary.From)], page.Total, paging.Page, paging.PageSize));
    }

    /// <summary>Generates a day's report with this process's report settings and stores it, as <c>logsentinel report</c> does.</summary>
    private static async Task<Results<Ok<GeneratedReportView>, ValidationProblem>> GenerateAsync(
        GenerateReportRequest request, HttpContext context, ILogStore store, Auditor auditor, HostedSettings settings)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var service = new ReportService(store, settings.Report);
        var day = string.IsNullOrEmpty(request.Date) ? service.PreviousLocalDay() : ReadDate("date", request.Date, errors);
        var language = string.IsNullOrEmpty(request.Lang) ? settings.Report.Language : ReadLanguage(request.Lang, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var generated = await service.GenerateAsync(day!.Value, Blank(request.Agency), language, context.RequestAborted).ConfigureAwait(false);
        await auditor.RecordAsync(context, AuditActions.ReportGenerate, Target(generated.Stored)).ConfigureAwait(false);
        var stored = generated.Stored;
        return TypedResults.Ok(new GeneratedReportView(
            ReportSummary.From(new StoredReportInfo(stored.Date, stored.Agency, stored.Language, stored.GeneratedAt, System.Text.Encoding.UTF8.GetByteCount(stored.Html))),
            stored.Json,
            stored.Html));
    }

    private static async Task<Results<Ok<JsonElement>, NotFound<ProblemDetails>, ValidationProblem>> GetJsonAsync(
        string date, [FromQuery(Name = "agency")] string? agency, [FromQuery(Name = "lang")] string? lang,
        HttpContext context, ILogStore store, Auditor auditor, CancellationToken cancellationToken)
    {
        var (report, problem) = await FindAsync(date, agency, lang, store, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (report is null)
        {
            return NotStored(date, agency, lang);
        }

        await auditor.RecordAsync(context, AuditActions.ReportRead, Target(report), "json").ConfigureAwait(false);
        return TypedResults.Ok(JsonSerializer.Deserialize<JsonElement>(report.Json));
    }

    private static async Task<Results<ContentHttpResult, NotFound<ProblemDetails>, ValidationProblem>> GetHtmlAsync(
        string date, [FromQuery(Name = "agency")] string? agency, [FromQuery(Name = "lang")] string? lang,
        HttpContext context, ILogStore store, Auditor auditor, CancellationToken cancellationToken)
    {
        var (report, problem) = await FindAsync(date, agency, lang, store, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (report is null)
        {
            return NotStored(date, agency, lang);
        }

        await auditor.RecordAsync(context, AuditActions.ReportRead, Target(report), "html").ConfigureAwait(false);
        SecurityHeaders.AllowReportDocument(context.Response);
        return TypedResults.Content(report.Html, "text/html; charset=utf-8");
    }

    private static async Task<(StoredReport? Report, ValidationProblem? Problem)> FindAsync(
        string date, string? agency, string? lang, ILogStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var day = ReadDate("date", date, errors);
        var language = string.IsNullOrEmpty(lang) ? "vi" : ReadLanguage(lang, errors);
        if (errors.Count > 0)
        {
            return (null, TypedResults.ValidationProblem(errors));
        }

        return (await store.Reports.GetAsync(day!.Value, Blank(agency), language, cancellationToken).ConfigureAwait(false), null);
    }

    private static NotFound<ProblemDetails> NotStored(string date, string? agency, string? lang) => TypedResults.NotFound(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "No such report.",
        Detail = $"No report is stored for {date}, {(Blank(agency) is { } a ? $"agency '{a}'" : "the whole province")}, language '{(string.IsNullOrEmpty(lang) ? "vi" : lang)}'; " +
            "logsentinel report --date D makes one.",
    });

    private static DateOnly? ReadDate(string name, string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[name] = [$"'{text}' is not a date (yyyy-MM-dd)"];
        return null;
    }

    private static string ReadLanguage(string lang, Dictionary<string, string[]> errors)
    {
        if (Languages.Contains(lang, StringComparer.Ordinal))
        {
            return lang;
        }

        errors["lang"] = [$"'{lang}' is not one of {string.Join(", ", Languages)}"];
        return lang;
    }

    private static string? Blank(string? agency) => string.IsNullOrWhiteSpace(agency) ? null : agency.Trim();

    private static string Target(StoredReport report) =>
        $"report {report.Date:yyyy-MM-dd} {(report.Agency.Length == 0 ? "*" : report.Agency)} {report.Language}";
}

/// <summary>A stored report in a list: what it covers and when it was made.</summary>
/// <param name="Date">The local day reported on.</param>
/// <param name="Agency">The agency it is limited to; empty for the whole province.</param>
/// <param name="Lang"><c>vi</c> or <c>en</c>.</param>
/// <param name="GeneratedAt">When the newest generation was made (local time).</param>
/// <param name="HtmlBytes">Size of its HTML.</param>
public sealed record ReportSummary(DateOnly Date, string Agency, string Lang, DateTimeOffset GeneratedAt, int HtmlBytes)
{
    internal static ReportSummary From(StoredReportInfo r) => new(r.Date, r.Agency, r.Language, ApiTime.Local(r.GeneratedAt), r.HtmlBytes);
}

/// <summary>Generate the report of <c>date</c> (a local day, yyyy-MM-dd; default yesterday) for <c>agency</c> (default the province) in <c>lang</c>.</summary>
public sealed record GenerateReportRequest(string? Date, string? Agency, string? Lang);

/// <summary>A report just generated and stored: what it covers, its figures (the JSON document as stored) and its printable HTML.</summary>
public sealed record GeneratedReportView(ReportSummary Report, string Json, string Html);
