using LogSentinel.Report.Text;
using LogSentinel.Store.Alerts;
using LogSentinel.Store.Reports;

namespace LogSentinel.Report.Daily;

/// <summary>The key message: what needs a leader's attention today, in one sentence, with up to four supporting points.</summary>
internal static class Headlines
{
    public static Headline Decide(
        bool hasData, IReadOnlyList<AlertRecord> alerts, DateTime firstSeenFrom, Trends trends, TriageFigures triage, DataQuality quality, ReportText text)
    {
        var silent = quality.Sources.Count(s => s.Status == "silent");
        if (!hasData)
        {
            var points = new List<string>();
            if (silent > 0)
            {
                points.Add(text.Format("point_silent", silent));
            }

            return new Headline("attention", text["no_data_title"], points);
        }

        var serious = alerts.Where(a => a.Severity is "high" or "critical").ToList();
        string level;
        string message;
        var supporting = new List<string>();
        if (serious.Count > 0)
        {
            var worst = serious.OrderByDescending(a => a.Score).ThenBy(a => a.Id).First();
            level = "alert";
            message = text.Format("headline_alert", serious.Count, serious.Count(a => a.FirstSeen >= firstSeenFrom));
            supporting.Add(text.Format("point_worst", DailyReportBuilder.Summary(worst, text.Language)));
        }
        else if (alerts.Count > 0)
        {
            level = "attention";
            message = text.Format("headline_attention", alerts.Count);
        }
        else
        {
            level = "ok";
            message = text["headline_ok"];
        }

        // A Monday is compared with Mondays: a plain weekly mean would call every Monday busy and every Saturday quiet.
        if (trends.Lookups.ChangeSameWeekday is { } weekday && trends.Lookups.SameWeekdayMean is { } weekdayMean)
        {
            supporting.Add(text.Format("point_volume_weekday", text.Percent(weekday), text.Number(weekdayMean)));
        }
        else if (trends.Lookups.Change7 is { } change && trends.HistoryDays > 0)
        {
            supporting.Add(text.Format("point_volume", text.Percent(change), text.Number(trends.Lookups.Mean7)));
        }

        if (silent > 0)
        {
            supporting.Add(text.Format("point_silent", silent));
        }

        if (triage.OpenTotal > 0)
        {
            supporting.Add(text.Format("point_backlog", text.Number(triage.OpenTotal)));
        }

        if (quality.DeadLetters > 0)
        {
            supporting.Add(text.Format("point_dead_letters", text.Number(quality.DeadLetters)));
        }

        return new Headline(level, message, supporting);
    }
}
