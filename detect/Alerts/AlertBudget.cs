using LogSentinel.Store.Alerts;

namespace LogSentinel.Detect.Alerts;

/// <summary>
/// Alert budget mode: at most N alerts per agency and local day (of first occurrence) are shown, the highest scores
/// first (ties: the earliest); the rest are held back, not deleted. Alerts without an agency share one budget.
/// </summary>
public static class AlertBudget
{
    /// <summary>The alerts within budget, in their original order, and how many were held back. A budget of 0 or less keeps everything.</summary>
    public static (IReadOnlyList<AlertRecord> Kept, int HeldBack) Apply(IReadOnlyList<AlertRecord> alerts, int perAgencyPerDay, TimeSpan localOffset)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (perAgencyPerDay <= 0)
        {
            return (alerts, 0);
        }

        var kept = new HashSet<Guid>();
        foreach (var group in alerts.GroupBy(a => (a.Agency, Day: DateOnly.FromDateTime(a.FirstSeen + localOffset))))
        {
            foreach (var a in group.OrderByDescending(a => a.Score).ThenBy(a => a.FirstSeen).ThenBy(a => a.Id).Take(perAgencyPerDay))
            {
                kept.Add(a.Id);
            }
        }

        var result = alerts.Where(a => kept.Contains(a.Id)).ToList();
        return (result, alerts.Count - result.Count);
    }
}
