using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Hosting;
using LogSentinel.Report;
using LogSentinel.Report.Daily;
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
            await using var store = StoreOpener.Open(parse);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var service = new ReportService(store, options);
            var day = parse.GetValue(date) is { } text ? ReportSettings.ParseDate(text, "--date") : service.PreviousLocalDay();
            var generated = await service.GenerateAsync(day, parse.GetValue(agency), language, cancellationToken).ConfigureAwait(false);
            var files = await service.WriteFilesAsync(generated.Stored, parse.GetValue(output) ?? options.OutputDirectory, !parse.GetValue(noPdf), cancellationToken).ConfigureAwait(false);
            Print(ConsoleOutput.For(parse), generated.Figures, files);
            return 0;
        });
        return command;
    }

    private static Command CreateList()
    {
        var command = new Command("list", "List the stored daily reports, newest first.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = ReportSettings.ReadReportOptions(parse);
            await using var store = StoreOpener.Open(parse);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var reports = await new ReportService(store, options).ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
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

    private static void Print(IAnsiConsole console, DailyReport report, ReportFiles files)
    {
        console.MarkupLine($"[bold]{Markup.Escape(report.Headline.Message)}[/]");
        foreach (var point in report.Headline.Points)
        {
            console.MarkupLine($"  - {Markup.Escape(point)}");
        }

        var a = report.Glance.Activity;
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Date:yyyy-MM-dd}: {a.Events:N0} events, {a.Lookups:N0} lookups, {a.ActiveAccounts:N0} accounts, {report.Glance.AlertsActive:N0} alerts ({report.Glance.AlertsNew:N0} new)."));
        console.WriteLine($"HTML: {files.HtmlPath}");
        console.WriteLine($"JSON: {files.JsonPath}");
        console.WriteLine(files.PdfPath is not null ? $"PDF:  {files.PdfPath}" : files.PdfNote ?? "No PDF.");
        console.WriteLine("Stored in the reports table.");
    }
}
