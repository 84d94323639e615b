using LogSentinel.Report.Text;
using LogSentinel.Store.Alerts;

namespace LogSentinel.Report.Daily;

/// <summary>
/// Ranks entities by their most serious alert, then by how many alerts they drew; the reason is the most serious
/// alert's own explanation, so a leader reads what the analyst will read.
/// </summary>
internal static class RiskRanking
{
    public static List<RiskyEntity> ByEntity(IReadOnlyList<AlertRecord> alerts, string entityKind, int top, ReportText text) =>
        [.. alerts.Where(a => a.EntityKind == entityKind)
            .GroupBy(a => a.Entity, StringComparer.Ordinal)
            .Select(g =>
            {
                var worst = Worst(g);
                var reason = DailyReportBuilder.Summary(worst, text.Language);
                var count = g.Count();
                return new RiskyEntity(g.Key, worst.Agency, worst.Score, worst.Severity, count, count > 1 ? text.Format("reason_more", reason, count - 1) : reason);
            })
            .OrderByDescending(e => e.MaxScore).ThenByDescending(e => e.Alerts).ThenBy(e => e.Name, StringComparer.Ordinal)
            .Take(top)];

    public static List<RiskyEntity> ByAgency(IReadOnlyList<AlertRecord> alerts, int top, ReportText text) =>
        [.. alerts.Where(a => a.Agency.Length > 0)
            .GroupBy(a => a.Agency, StringComparer.Ordinal)
            .Select(g =>
            {
                var worst = Worst(g);
                var serious = g.Count(a => a.Severity is "high" or "critical");
                var reason = text.Format("reason_agency", g.Count(), serious, DailyReportBuilder.Summary(worst, text.Language));
                return new RiskyEntity(g.Key, g.Key, worst.Score, worst.Severity, g.Count(), reason);
            })
            .OrderByDescending(e => e.MaxScore).ThenByDescending(e => e.Alerts).ThenBy(e => e.Name, StringComparer.Ordinal)
            .Take(top)];

    private static AlertRecord Worst(IEnumerable<AlertRecord> alerts) =>
        alerts.OrderByDescending(a => a.Score).ThenByDescending(a => a.Occurrences).ThenBy(a => a.Id).First();
}
