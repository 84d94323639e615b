using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Hosting;
using LogSentinel.Report;
using System.Text.Json;
using LogSentinel.QueryApi.Reports;
using LogSentinel.Store.Reports;
using Spectre.Console;

namespace LogSentinel.Cli.Report;

/// <summary>
/// <c>logsentinel report [--date D] [--agency A] [--lang vi|en] [--out DIR] [--no-pdf]</c>: generates a local day's
/// risk report, stores it and writes HTML, JSON and (where Chromium is installed) PDF; <c>report list</c> lists the
/// stored reports.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var date = new Option<string?>("--date") { Description = "The local day to report on, yyyy-MM-dd (default: yesterday, local time)." };
        var agency = new Option<string?>("--agency") { Description = "Limit the report to one agency (its code); default the whole province." };
        var lang = new Option<string?>("--lang") { Description = "vi (default: Report:Language) or en." };
        var output = new Option<string?>("--out") { Description = "Directory for the files (default: Report:OutputDirectory, ./reports)." };
        var noPdf = new Option<bool>("--no-pdf") { Description = "Write HTML and JSON only." };
        var command = new Command("report", "Generate the daily risk report: store it and write HTML (A4), JSON and PDF.");
        command.Options.Add(date);
        command.Options.Add(agency);
        command.Options.Add(lang);
        command.Options.Add(output);
        command.Options.Add(noPdf);
        command.Subcommands.Add(CreateList());
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = ReportSettings.ReadReportOptions(parse);
            var language = ReportSettings.ParseLanguage(parse.GetValue(lang) ?? options.Language);
            var day = parse.GetValue(date) is { } text ? ReportSettings.ParseDate(text, "--date") : (DateOnly?)null;
            var stored = await GenerateAsync(parse, options, day, parse.GetValue(agency), language, cancellationToken).ConfigureAwait(false);
            var files = await ReportService.WriteFilesAsync(stored, options, parse.GetValue(output) ?? options.OutputDirectory, !parse.GetValue(noPdf), cancellationToken).ConfigureAwait(false);
            Print(ConsoleOutput.For(parse), stored, files);
            return 0;
        });
        return command;
    }

    private static Command CreateList()
    {
        var command = new Command("list", "List the stored daily reports, newest first.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reports = await ListAsync(parse, cancellationToken).ConfigureAwait(false);
            var console = ConsoleOutput.For(parse);
            if (reports.Count == 0)
            {
                console.WriteLine("No report stored yet; 'logsentinel report --date yyyy-MM-dd' makes one.");
                return 0;
            }

            var table = new Table().AddColumn("Date").AddColumn("Agency").AddColumn("Lang").AddColumn("Generated (UTC)").AddColumn(new TableColumn("HTML KB").RightAligned());
            foreach (var r in reports)
            {
                table.AddRow(
                    r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Markup.Escape(r.Agency.Length == 0 ? "(province)" : r.Agency),
                    r.Language,
                    r.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    (r.HtmlBytes / 1024).ToString("N0", CultureInfo.InvariantCulture));
            }

            console.Write(table);
            return 0;
        });
        return command;
    }

    /// <summary>Generates and stores the report through a running process that holds the data directory, else on the store; the stored report either way.</summary>
    private static async Task<StoredReport> GenerateAsync(
        ParseResult parse, ReportOptions options, DateOnly? day, string? agency, string language, CancellationToken cancellationToken)
    {
        using (var server = RunningServer.Find(parse))
        {
            if (server is not null)
            {
                var request = new GenerateReportRequest(day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), agency, language);
                var generated = await server.SendAsync<GeneratedReportView>(HttpMethod.Post, "/api/reports", request, cancellationToken).ConfigureAwait(false);
                var r = generated.Report;
                return new StoredReport(r.Date, r.Agency, r.Lang, r.GeneratedAt.UtcDateTime, generated.Json, generated.Html);
            }
        }

        await using var store = StoreOpener.Open(parse);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var service = new ReportService(store, options);
        return (await service.GenerateAsync(day ?? service.PreviousLocalDay(), agency, language, cancellationToken).ConfigureAwait(false)).Stored;
    }

    /// <summary>Every stored report, newest day first: through a running process when one holds the data directory, else from the store.</summary>
    private static async Task<IReadOnlyList<StoredReportInfo>> ListAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        using (var server = RunningServer.Find(parse))
        {
            if (server is not null)
            {
                var listed = await server.ListAllAsync<ReportSummary>("/api/reports?sort=date&order=desc", cancellationToken).ConfigureAwait(false);
                return [.. listed.Select(r => new StoredReportInfo(r.Date, r.Agency, r.Lang, r.GeneratedAt.UtcDateTime, r.HtmlBytes))];
            }
        }

        await using var store = StoreOpener.Open(parse);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return await new ReportService(store, ReportSettings.ReadReportOptions(parse)).ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The headline and the day's numbers, read from the report's stored JSON (the same whichever process generated it).</summary>
    private static void Print(IAnsiConsole console, StoredReport report, ReportFiles files)
    {
        using var json = JsonDocument.Parse(report.Json);
        var root = json.RootElement;
        var headline = root.GetProperty("headline");
        console.MarkupLine($"[bold]{Markup.Escape(headline.GetProperty("message").GetString() ?? string.Empty)}[/]");
        foreach (var point in headline.GetProperty("points").EnumerateArray())
        {
            console.MarkupLine($"  - {Markup.Escape(point.GetString() ?? string.Empty)}");
        }

        var glance = root.GetProperty("glance");
        var a = glance.GetProperty("activity");
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Date:yyyy-MM-dd}: {a.GetProperty("events").GetUInt64():N0} events, {a.GetProperty("lookups").GetUInt64():N0} lookups, {a.GetProperty("active_accounts").GetUInt64():N0} accounts, {glance.GetProperty("alerts_active").GetInt32():N0} alerts ({glance.GetProperty("alerts_new").GetInt32():N0} new)."));
        console.WriteLine($"HTML: {files.HtmlPath}");
        console.WriteLine($"JSON: {files.JsonPath}");
        console.WriteLine(files.PdfPath is not null ? $"PDF:  {files.PdfPath}" : files.PdfNote ?? "No PDF.");
        console.WriteLine("Stored in the reports table.");
    }
}
