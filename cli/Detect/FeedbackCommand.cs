using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LogSentinel.Cli.Hosting;
using LogSentinel.Detect.Feedback;
using LogSentinel.Store.Alerts;
using Spectre.Console;

namespace LogSentinel.Cli.Detect;

/// <summary>
/// <c>logsentinel feedback</c>: the analysts' verdicts that lower later scores (closed alerts with a "fine" disposition,
/// until when) and the alerts whose score they lowered.
/// </summary>
internal static class FeedbackCommand
{
    public static Command Create()
    {
        var command = new Command("feedback", "Show the verdicts (alerts closed as benign or false positive) that lower later scores, and what they changed.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = ReplayCommand.ReadOptions(parse);
            await using var store = StoreOpener.Open(parse);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var alerts = await store.Alerts.ListAsync(new AlertQuery(Limit: int.MaxValue), cancellationToken).ConfigureAwait(false);
            var feedback = FeedbackSet.FromAlerts(alerts, options.Feedback);
            var console = ConsoleOutput.For(parse);
            var verdicts = new Table().AddColumn("Closed alert").AddColumn("Type").AddColumn("Entity").AddColumn("Verdict").AddColumn("Last seen").AddColumn("Lowers scores until");
            foreach (var e in feedback.Entries.OrderBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.Entity, StringComparer.Ordinal))
            {
                verdicts.AddRow(e.AlertId.ToString("D"), Markup.Escape(e.Type), Markup.Escape(e.Entity), Markup.Escape(e.Disposition), Local(e.LastSeen), Local(e.Expires));
            }

            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Verdicts in force: {feedback.Entries.Count} (dispositions {options.Feedback.Dispositions}; score x{options.Feedback.ScoreFactor}; {options.Feedback.ExpiryDays} days).")));
            console.Write(verdicts);
            var lowered = new Table().AddColumn("Alert").AddColumn("Type").AddColumn("Entity").AddColumn("First seen").AddColumn(new TableColumn("Score").RightAligned()).AddColumn(new TableColumn("Without feedback").RightAligned());
            var count = 0;
            foreach (var a in alerts)
            {
                using var evidence = JsonDocument.Parse(a.EvidenceJson);
                if (evidence.RootElement.TryGetProperty("counts", out var counts) && counts.TryGetProperty("feedback_lowered_score_from", out var from))
                {
                    count++;
                    lowered.AddRow(a.Id.ToString("D"), Markup.Escape(a.Type), Markup.Escape(a.Entity), Local(new DateTimeOffset(DateTime.SpecifyKind(a.FirstSeen, DateTimeKind.Utc))),
                        a.Score.ToString(CultureInfo.InvariantCulture), from.GetInt64().ToString(CultureInfo.InvariantCulture));
                }
            }

            console.MarkupLine(Markup.Escape($"Alerts whose score feedback lowered: {count}."));
            console.Write(lowered);
            return 0;
        });
        return command;
    }

    private static string Local(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
