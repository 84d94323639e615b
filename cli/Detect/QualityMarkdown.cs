using System.Globalization;
using System.Text;
using LogSentinel.Detect.Evaluation;

namespace LogSentinel.Cli.Detect;

/// <summary>The evaluation as Markdown tables.</summary>
internal static class QualityMarkdown
{
    public static string Format(QualityReport report)
    {
        var b = new StringBuilder();
        b.AppendLine("| scenario | intensity | labels | detected | recall | owning alert types | precision (matched/alerts) | median time to detect |");
        b.AppendLine("|---|---|---:|---:|---:|---|---:|---:|");
        foreach (var s in report.Scenarios)
        {
            b.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Scenario} | {s.Intensity} | {s.Labels} | {s.Detected} | {EvaluateCommand.Ratio(s.Recall)} | {string.Join(", ", s.AlertTypes)} | {EvaluateCommand.Ratio(s.Precision)} ({s.TypeAlertsMatched}/{s.TypeAlerts}) | {Duration(s.MedianTimeToDetect)} |");
        }

        b.AppendLine();
        b.AppendLine("| alert type | alerts | matching a label |");
        b.AppendLine("|---|---:|---:|");
        foreach (var t in report.Types)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"| {t.Type} | {t.Alerts} | {t.Matched} |");
        }

        b.AppendLine();
        b.Append(CultureInfo.InvariantCulture,
            $"Alerts {report.Alerts}, false {report.FalseAlerts}, precision {EvaluateCommand.Ratio(report.Precision)}; benign entity-days {report.BenignEntityDays:N0}; false alerts per 1,000 benign entity-days: {report.FalseAlertsPer1000EntityDays:0.###}.");
        return b.ToString();
    }

    public static string Duration(TimeSpan? t) => t switch
    {
        null => "-",
        { TotalHours: >= 48 } d => d.TotalDays.ToString("0.#", CultureInfo.InvariantCulture) + " d",
        { TotalMinutes: >= 120 } d => d.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h",
        { } d => d.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min",
    };
}
