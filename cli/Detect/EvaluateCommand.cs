using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Hosting;
using LogSentinel.Detect.Evaluation;
using LogSentinel.Store.Alerts;
using Spectre.Console;

namespace LogSentinel.Cli.Detect;

/// <summary>
/// <c>logsentinel evaluate --labels LABELS.jsonl</c>: compares the stored alerts with ground-truth labels and prints per-scenario
/// recall, precision and median time to detect, and false alerts per 1,000 benign entity-days.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var labels = new Option<string>("--labels") { Description = "Ground-truth labels, JSON lines (the simulator's labels.jsonl, or a red team's).", Required = true };
        var slack = new Option<int>("--slack-minutes") { Description = "Minutes an alert may lie before or after a label's period and still match it (default 60).", DefaultValueFactory = _ => 60 };
        var markdown = new Option<bool>("--markdown") { Description = "Print the table as Markdown (for docs/detection-quality.md)." };
        var command = new Command("evaluate", "Compare the stored alerts with ground-truth labels: recall, precision, false alerts per 1,000 benign entity-days, time to detect.");
        command.Options.Add(labels);
        command.Options.Add(slack);
        command.Options.Add(markdown);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var truth = LabelFile.Read(parse.GetRequiredValue(labels));
            var minutes = parse.GetValue(slack);
            if (minutes < 0)
            {
                throw new ConfigurationException("--slack-minutes must not be negative.");
            }

            var options = ReplayCommand.ReadOptions(parse);
            await using var store = StoreOpener.Open(parse);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var alerts = await store.Alerts.ListAsync(new AlertQuery(Limit: int.MaxValue), cancellationToken).ConfigureAwait(false);
            var days = await store.Baselines.CountActiveEntityDaysAsync(options.LocalOffset, cancellationToken).ConfigureAwait(false);
            var agencies = (await store.Reference.GetAccountsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Account, a => a.Agency, StringComparer.Ordinal);
            var report = QualityEvaluator.Evaluate(truth, alerts, days, TimeSpan.FromMinutes(minutes), agencies);
            if (parse.GetValue(markdown))
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(QualityMarkdown.Format(report)).ConfigureAwait(false);
                return 0;
            }

            var table = new Table().AddColumn("Scenario").AddColumn("Intensity").AddColumn(new TableColumn("Labels").RightAligned()).AddColumn(new TableColumn("Detected").RightAligned())
                .AddColumn(new TableColumn("Recall").RightAligned()).AddColumn("Owning alert types").AddColumn(new TableColumn("Precision").RightAligned())
                .AddColumn(new TableColumn("Median time to detect").RightAligned());
            foreach (var s in report.Scenarios)
            {
                table.AddRow(s.Scenario, s.Intensity, N(s.Labels), N(s.Detected), Ratio(s.Recall), string.Join(", ", s.AlertTypes),
                    Ratio(s.Precision) + string.Create(CultureInfo.InvariantCulture, $" ({s.TypeAlertsMatched}/{s.TypeAlerts})"), QualityMarkdown.Duration(s.MedianTimeToDetect));
            }

            var console = ConsoleOutput.For(parse);
            console.Write(table);
            var types = new Table().AddColumn("Alert type").AddColumn(new TableColumn("Alerts").RightAligned()).AddColumn(new TableColumn("Matching a label").RightAligned());
            foreach (var t in report.Types)
            {
                types.AddRow(t.Type, N(t.Alerts), N(t.Matched));
            }

            console.Write(types);
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Alerts {report.Alerts}, false (matching no label) {report.FalseAlerts}, precision {Ratio(report.Precision)}; benign entity-days {report.BenignEntityDays:N0}: {report.FalseAlertsPer1000EntityDays:0.###} false alerts per 1,000.")));
            return 0;
        });
        return command;
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Ratio(double r) => double.IsNaN(r) ? "-" : r.ToString("0.00", CultureInfo.InvariantCulture);
}
