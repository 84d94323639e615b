using System.Text.Json;
using LogSentinel.Store.Alerts;

namespace LogSentinel.Detect.Evaluation;

/// <summary>
/// Compares alerts with ground-truth labels. An alert matches a label when it is about the label's entity (the
/// same entity, or the entity is named in the alert's evidence: the address of a many-accounts attack in the
/// evidence of an account's alert, an account in an address's; for an agency's alert, an account of that agency, unless the label is a weak credential, a state rather than traffic)
/// and its
/// first-to-last occurrence overlaps the
/// label's period widened by the slack on both sides. A label is detected when some alert matches it; its time to
/// detect is the earliest matching alert's <c>detected_at</c> minus the label's start (never below zero). An alert
/// matching no label is a false alert.
/// </summary>
public static class QualityEvaluator
{
    /// <summary>Alert types that own each scenario; alerts of other types matching its labels still count for recall.</summary>
    public static IReadOnlyList<string> TypesOf(string scenario) => scenario switch
    {
        "low_and_slow" => [Alerts.AlertTypes.UnusualVolume],
        "outage" => [Alerts.AlertTypes.Outage, Alerts.AlertTypes.VolumeSpike],
        _ => [scenario],
    };

    public static QualityReport Evaluate(
        IReadOnlyList<EvaluationLabel> labels, IReadOnlyList<AlertRecord> alerts, long activeEntityDays, TimeSpan slack, IReadOnlyDictionary<string, string>? accountAgencies = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(alerts);
        var named = alerts.Select(a => (Alert: a, Named: NamedEntities(a))).ToList();
        var matchedAlerts = new HashSet<Guid>();
        var firstDetection = new Dictionary<int, DateTime>();
        for (var l = 0; l < labels.Count; l++)
        {
            var label = labels[l];
            var from = label.Start.UtcDateTime - slack;
            var to = label.End.UtcDateTime + slack;
            foreach (var (alert, entities) in named)
            {
                var about = (alert.EntityKind == label.EntityKind && alert.Entity == label.Entity) || entities.Contains(label.Entity)
                    || (alert.EntityKind == "agency" && label.EntityKind == "account" && label.Scenario != "weak_credentials" && accountAgencies is not null
                        && accountAgencies.TryGetValue(label.Entity, out var agency) && agency == alert.Entity);
                if (!about || alert.LastSeen < from || alert.FirstSeen > to)
                {
                    continue;
                }

                matchedAlerts.Add(alert.Id);
                if (!firstDetection.TryGetValue(l, out var first) || alert.DetectedAt < first)
                {
                    firstDetection[l] = alert.DetectedAt;
                }
            }
        }

        var scenarios = new List<ScenarioQuality>();
        foreach (var group in labels.Select((label, index) => (label, index)).GroupBy(x => (x.label.Scenario, x.label.Intensity)).OrderBy(g => g.Key.Scenario, StringComparer.Ordinal))
        {
            var times = new List<TimeSpan>();
            var detected = 0;
            foreach (var (label, index) in group)
            {
                if (firstDetection.TryGetValue(index, out var at))
                {
                    detected++;
                    var delay = at - label.Start.UtcDateTime;
                    times.Add(delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
                }
            }

            times.Sort();
            TimeSpan? median = times.Count == 0 ? null : times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
            var types = TypesOf(group.Key.Scenario);
            var ofTypes = alerts.Where(a => types.Contains(a.Type)).ToList();
            scenarios.Add(new ScenarioQuality(group.Key.Scenario, group.Key.Intensity, group.Count(), detected, types, ofTypes.Count,
                ofTypes.Count(a => matchedAlerts.Contains(a.Id)), median));
        }

        var byType = alerts.GroupBy(a => a.Type).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TypeQuality(g.Key, g.Count(), g.Count(a => matchedAlerts.Contains(a.Id)))).ToList();
        var labelledDays = labels.Where(l => l.EntityKind is "account" or "ip" or "agency")
            .Sum(l => (long)Math.Max(1, Math.Ceiling((l.End - l.Start).TotalDays)));
        var benignDays = Math.Max(0, activeEntityDays - labelledDays);
        return new QualityReport(scenarios, byType, alerts.Count, alerts.Count(a => !matchedAlerts.Contains(a.Id)), benignDays);
    }

    /// <summary>The accounts and addresses an alert's evidence names.</summary>
    private static HashSet<string> NamedEntities(AlertRecord alert)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(alert.EvidenceJson))
        {
            return names;
        }

        try
        {
            using var doc = JsonDocument.Parse(alert.EvidenceJson);
            foreach (var field in (string[])["accounts", "addresses"])
            {
                if (doc.RootElement.TryGetProperty(field, out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in list.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.String)
                        {
                            names.Add(item.GetString()!);
                        }
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Evidence that is not JSON names nothing.
        }

        return names;
    }
}
