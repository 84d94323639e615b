using System.Text.Json;
using LogSentinel.Report.Text;
using LogSentinel.Report.Tuning;
using LogSentinel.Store;
using LogSentinel.Store.Alerts;
using LogSentinel.Store.Reports;

namespace LogSentinel.Report.Daily;

/// <summary>Gathers one local day's figures from the store and decides what the report says first.</summary>
internal sealed class DailyReportBuilder(ILogStore store, ReportOptions options, ITuningHistory tuning, TimeProvider time)
{
    private static readonly string[] Severities = ["critical", "high", "medium", "low"];

    public async Task<DailyReport> BuildAsync(DateOnly date, string? agency, string language, CancellationToken cancellationToken)
    {
        agency = string.IsNullOrWhiteSpace(agency) ? null : agency.Trim();
        var text = ReportText.For(language);
        var offset = options.LocalOffset;
        var dayStart = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), offset);
        var dayEnd = dayStart.AddDays(1);
        var (from, to) = (dayStart.UtcDateTime, dayEnd.UtcDateTime);
        var reports = store.Reports;

        var activity = await reports.GetActivityAsync(from, to, agency, cancellationToken).ConfigureAwait(false);
        var alerts = await ActiveAlertsAsync(from, to, agency, cancellationToken).ConfigureAwait(false);
        var volumes = await reports.GetDailyVolumesAsync(date.AddDays(-30), date, offset, agency, cancellationToken).ConfigureAwait(false);
        var alertDays = await reports.GetDailyAlertCountsAsync(date.AddDays(-30), date, offset, agency, cancellationToken).ConfigureAwait(false);
        var hourly = await reports.GetHourlyVolumesAsync(from, to, offset, agency, cancellationToken).ConfigureAwait(false);
        var busiest = await reports.GetBusiestAccountsAsync(from, to, agency, options.TopCount, cancellationToken).ConfigureAwait(false);
        var triage = await reports.GetTriageAsync(from, to, agency, cancellationToken).ConfigureAwait(false);
        var dataQuality = await DataQualityAsync(dayStart, from, to, cancellationToken).ConfigureAwait(false);
        var tuningChanges = await tuning.GetChangesAsync(from, to, cancellationToken).ConfigureAwait(false);

        var newAlerts = alerts.Count(a => a.FirstSeen >= from);
        var bySeverity = Severities.ToDictionary(s => s, s => alerts.Count(a => a.Severity == s), StringComparer.Ordinal);
        var glance = new DayGlance(activity, alerts.Count, newAlerts, bySeverity);
        var trends = BuildTrends(date, volumes, alertDays);
        var hourlyLookups = new ulong[24];
        foreach (var h in hourly)
        {
            hourlyLookups[h.Hour] = h.Lookups;
        }

        var hasData = activity.Events > 0 || alerts.Count > 0;
        var topAccounts = RiskRanking.ByEntity(alerts, "account", options.TopCount, text);
        var report = new DailyReport(
            date,
            agency,
            language,
            time.GetUtcNow().ToOffset(offset),
            dayStart,
            dayEnd,
            hasData,
            Headlines.Decide(hasData, alerts, from, trends, triage, dataQuality, text),
            glance,
            CountBy(alerts, a => a.Type, key => AlertTypeLabels.For(key, language)),
            CountBy(alerts.Where(a => a.Agency.Length > 0).ToList(), a => a.Agency, key => key),
            topAccounts,
            RiskRanking.ByEntity(alerts, "ip", options.TopCount, text),
            RiskRanking.ByAgency(alerts, options.TopCount, text),
            busiest,
            hourlyLookups,
            trends,
            triage,
            dataQuality,
            new TuningSection(tuningChanges is not null, tuningChanges ?? []));
        return report;
    }

    /// <summary>The newest version of every alert whose occurrence overlaps the day, limited to the agency.</summary>
    private async Task<List<AlertRecord>> ActiveAlertsAsync(DateTime from, DateTime to, string? agency, CancellationToken cancellationToken)
    {
        var listed = await store.Alerts.ListAsync(new AlertQuery(Since: from, Until: to, Limit: 1_000_000), cancellationToken).ConfigureAwait(false);
        return [.. listed.Where(a => a.FirstSeen < to && (agency is null || string.Equals(a.Agency, agency, StringComparison.Ordinal)))];
    }

    private async Task<DataQuality> DataQualityAsync(DateTimeOffset dayStart, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var reports = store.Reports;
        var lookback = from.AddDays(-options.SilentLookbackDays);
        var sources = await reports.GetSourceActivityAsync(lookback, from, to, cancellationToken).ConfigureAwait(false);
        var deadLetters = await reports.GetDeadLettersByReasonAsync(from, to, cancellationToken).ConfigureAwait(false);
        var watchFrom = dayStart.Add(options.GapWatchStart.ToTimeSpan()).UtcDateTime;
        var watchTo = dayStart.Add(options.GapWatchEnd.ToTimeSpan()).UtcDateTime;
        var gaps = await reports.GetIngestGapsAsync(watchFrom, watchTo, TimeSpan.FromMinutes(options.GapMinutes), cancellationToken).ConfigureAwait(false);
        var statuses = sources.Select(s => new SourceStatus(s, StatusOf(s, to))).ToList();
        var watch = $"{options.GapWatchStart:HH\\:mm}-{options.GapWatchEnd:HH\\:mm}";
        return new DataQuality(statuses, deadLetters, gaps, watch, options.GapMinutes);
    }

    private string StatusOf(SourceActivity source, DateTime dayEndUtc)
    {
        if (source.EventsInSpan == 0)
        {
            return "silent";
        }

        // History loaded days later (a replay, a backfill) says nothing about how late the feed runs.
        if (source.FirstStored > dayEndUtc.AddDays(1))
        {
            return "backfilled";
        }

        return source.MedianDelaySeconds > options.LateAfterMinutes * 60.0 ? "late" : "ok";
    }

    internal static Trends BuildTrends(DateOnly date, IReadOnlyList<DailyVolume> volumes, IReadOnlyList<DailyAlertCount> alertDays)
    {
        var volumeByDay = volumes.ToDictionary(v => v.Date);
        var alertsByDay = alertDays.ToDictionary(a => a.Date);
        var days = new List<TrendDay>(31);
        for (var d = date.AddDays(-30); d <= date; d = d.AddDays(1))
        {
            var v = volumeByDay.GetValueOrDefault(d);
            var a = alertsByDay.GetValueOrDefault(d);
            days.Add(new TrendDay(d, v?.Requests ?? 0, v?.Lookups ?? 0, a?.Alerts ?? 0, a?.Serious ?? 0));
        }

        // Means cover only the days since the store's data begins: a new installation has no "quiet" weeks behind it.
        var firstWithData = days.FindIndex(d => d.Requests > 0 || d.Lookups > 0 || d.Alerts > 0);
        var historyStart = firstWithData < 0 ? days.Count - 1 : firstWithData;
        var historyDays = days.Count - 1 - historyStart;
        return new Trends(
            Figure(days, historyStart, d => d.Lookups),
            Figure(days, historyStart, d => d.Requests),
            Figure(days, historyStart, d => d.Alerts),
            Math.Max(0, historyDays),
            days);
    }

    private static TrendFigure Figure(List<TrendDay> days, int historyStart, Func<TrendDay, ulong> value)
    {
        var last = days.Count - 1;
        var day = (double)value(days[last]);
        var mean7 = Mean(days, Math.Max(historyStart, last - 7), last, value);
        var mean30 = Mean(days, Math.Max(historyStart, last - 30), last, value);
        var sameWeekday = new List<double>(4);
        for (var i = last - 7; i >= Math.Max(historyStart, 0); i -= 7)
        {
            sameWeekday.Add(value(days[i]));
        }

        double? weekdayMean = sameWeekday.Count == 0 ? null : sameWeekday.Average();
        return new TrendFigure(day, mean7, mean30, Change(day, mean7), Change(day, mean30), weekdayMean, weekdayMean is { } m ? Change(day, m) : null);
    }

    /// <summary>Mean over days[from..to), 0 when the range is empty.</summary>
    private static double Mean(List<TrendDay> days, int from, int to, Func<TrendDay, ulong> value)
    {
        if (to <= from)
        {
            return 0;
        }

        double sum = 0;
        for (var i = from; i < to; i++)
        {
            sum += value(days[i]);
        }

        return sum / (to - from);
    }

    private static double? Change(double day, double mean) => mean > 0 ? (day - mean) / mean : null;

    private static List<AlertCountRow> CountBy(IReadOnlyList<AlertRecord> alerts, Func<AlertRecord, string> key, Func<string, string> label) =>
        [.. alerts.GroupBy(key, StringComparer.Ordinal)
            .Select(g => new AlertCountRow(
                g.Key,
                label(g.Key),
                g.Count(),
                g.Count(a => a.Severity is "high" or "critical"),
                g.GroupBy(a => a.Severity, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Count(), StringComparer.Ordinal)))
            .OrderByDescending(r => r.Serious).ThenByDescending(r => r.Alerts).ThenBy(r => r.Key, StringComparer.Ordinal)];

    /// <summary>The alert's one-sentence explanation in the report's language.</summary>
    internal static string Summary(AlertRecord alert, string language)
    {
        try
        {
            using var explanation = JsonDocument.Parse(alert.ExplanationJson);
            var property = language == ReportLanguage.English ? "summary_en" : "summary_vi";
            if (explanation.RootElement.TryGetProperty(property, out var summary) && summary.GetString() is { Length: > 0 } sentence)
            {
                return sentence;
            }
        }
        catch (JsonException)
        {
            // An alert written by an older detector without an explanation still gets its type named below.
        }

        return AlertTypeLabels.For(alert.Type, language);
    }
}
