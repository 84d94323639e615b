using System.CommandLine;
using LogSentinel.Cli.Hosting;
using LogSentinel.Report.Incidents;
using Spectre.Console;

namespace LogSentinel.Cli.Report;

/// <summary>
/// <c>logsentinel incident --alert ID [--alert ID...] [--out DIR]</c>: an incident report for one alert or a group
/// of alerts, in the structure of Vietnam's network-security incident reporting, as HTML and JSON in Vietnamese.
/// </summary>
internal static class IncidentCommand
{
    public static Command Create()
    {
        var alerts = new Option<string[]>("--alert")
        {
            Description = "Id of an alert to report (repeatable; 'logsentinel alerts' lists them).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string?>("--out") { Description = "Directory for the files (default ./incidents)." };
        var command = new Command("incident", "Export an incident report (Vietnamese, national reporting structure) for one or more alerts as HTML and JSON.");
        command.Options.Add(alerts);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var ids = new List<Guid>();
            foreach (var text in parse.GetRequiredValue(alerts))
            {
                ids.Add(Guid.TryParse(text, out var id)
                    ? id
                    : throw new ConfigurationException($"--alert '{text}' is not an alert id (a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e; 'logsentinel alerts --json' shows them)."));
            }

            var options = ReportSettings.ReadIncidentOptions(parse);
            await using var store = StoreOpener.Open(parse);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            IncidentReport report;
            try
            {
                report = await new IncidentExporter(store, options).BuildAsync(ids, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                throw new ConfigurationException(ex.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
            }

            var (html, json) = await IncidentExporter.WriteAsync(report, parse.GetValue(output) ?? "./incidents", cancellationToken).ConfigureAwait(false);
            var console = ConsoleOutput.For(parse);
            console.WriteLine($"{report.Title}: {report.Alerts.Count} alert(s), {report.Classification.Cause} — {report.Classification.Category}");
            console.WriteLine($"HTML: {html}");
            console.WriteLine($"JSON: {json}");
            return 0;
        });
        return command;
    }
}
