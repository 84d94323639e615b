using System.Globalization;
using System.Text.Json;
using LogSentinel.Report.Rendering;
using LogSentinel.Report.Text;
using LogSentinel.Store;
using LogSentinel.Store.Alerts;

namespace LogSentinel.Report.Incidents;

/// <summary>
/// Builds an incident report from one alert or a group of alerts, with evidence taken from what detection stored
/// (citizen ids only as the pseudonyms detection recorded), and writes it as HTML and JSON.
/// </summary>
public sealed class IncidentExporter
{
    private readonly ILogStore _store;
    private readonly IncidentOptions _options;
    private readonly TimeProvider _time;

    public IncidentExporter(ILogStore store, IncidentOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _store = store;
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The report for these alerts; <see cref="ArgumentException"/> naming every id that does not exist.</summary>
    public async Task<IncidentReport> BuildAsync(IReadOnlyCollection<Guid> alertIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alertIds);
        if (alertIds.Count == 0)
        {
            throw new ArgumentException("Name at least one alert (--alert ID).", nameof(alertIds));
        }

        var alerts = await _store.Alerts.GetAsync([.. alertIds.Distinct()], cancellationToken).ConfigureAwait(false);
        var missing = alertIds.Where(id => alerts.All(a => a.Id != id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"No alert with id {string.Join(", ", missing)} in database {_store.Description.Database} ('logsentinel alerts' lists them).", nameof(alertIds));
        }

        var evidence = alerts.Select(Summarize).ToList();
        var actions = new List<string>();
        foreach (var alert in alerts)
        {
            var history = await _store.Alerts.GetHistoryAsync(alert.Id, cancellationToken).ConfigureAwait(false);
            actions.AddRange(history.Select(h => $"{Local(h.At):HH:mm dd/MM/yyyy} — {Actor(h.Actor)}: {Action(h.Action)}" +
                (h.FromState != h.ToState && h.ToState.Length > 0 ? $" ({State(h.FromState)} → {State(h.ToState)})" : string.Empty) +
                (h.Detail.Length > 0 ? $"; {h.Detail}" : string.Empty) + $" [cảnh báo {Short(alert.Id)}]"));
            if (alert.Assignee.Length > 0 || alert.Disposition.Length > 0 || alert.State != Store.Reports.AlertStates.Open)
            {
                actions.Add($"Cảnh báo {Short(alert.Id)}: trạng thái {State(alert.State)}" +
                    (alert.Assignee.Length > 0 ? $", người xử lý {alert.Assignee}" : string.Empty) +
                    (alert.Disposition.Length > 0 ? $", kết luận {alert.Disposition}" : string.Empty) + ".");
            }
        }

        if (actions.Count == 0)
        {
            actions.Add("Hệ thống LogSentinel đã tự động phát hiện và ghi nhận cảnh báo; chưa ghi nhận biện pháp xử lý nào khác. Cảnh báo đang ở trạng thái mở, chờ cán bộ phân tích xác minh.");
        }

        var classification = IncidentTaxonomy.Classify([.. alerts.Select(a => a.CategoryVi)]);
        var description = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Từ {Local(alerts.Min(a => a.FirstSeen)):HH:mm dd/MM/yyyy} đến {Local(alerts.Max(a => a.LastSeen)):HH:mm dd/MM/yyyy}, hệ thống giám sát LogSentinel ghi nhận {alerts.Count} cảnh báo liên quan đến {_options.SystemName}:"),
        };
        description.AddRange(evidence.Select(e => $"{e.TypeLabel} — {EntityLabel(e)}: {e.Summary}"));

        return new IncidentReport(
            "Báo cáo sự cố an toàn thông tin mạng",
            _time.GetUtcNow().ToOffset(_options.LocalOffset),
            new ReportingUnitInfo(_options.ReportingUnit, _options.ReportingUnitAddress, _options.ContactName, _options.ContactPhone, _options.ContactEmail),
            new AffectedSystem(
                _options.SystemName,
                _options.SystemOwner,
                Distinct(alerts.Select(a => a.Agency).Concat(alerts.Where(a => a.EntityKind == EntityKindAgency).Select(a => a.Entity))),
                Distinct(alerts.Where(a => a.EntityKind == "account").Select(a => a.Entity).Concat(evidence.SelectMany(e => e.Accounts))),
                Distinct(alerts.Where(a => a.EntityKind == "ip").Select(a => a.Entity).Concat(evidence.SelectMany(e => e.Addresses)))),
            new IncidentTiming(Local(alerts.Min(a => a.FirstSeen)), Local(alerts.Max(a => a.LastSeen)), Local(alerts.Min(a => a.DetectedAt)), Local(alerts.Min(a => a.RaisedAt))),
            classification,
            description,
            evidence,
            actions,
            Distinct(alerts.Select(a => IncidentTaxonomy.Recommendation(a.Type))));
    }

    /// <summary>Writes <c>incident-&lt;first id&gt;.html</c> and <c>.json</c> into <paramref name="directory"/>.</summary>
    public static async Task<(string HtmlPath, string JsonPath)> WriteAsync(IncidentReport report, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"incident-{report.CreatedAt:yyyyMMdd-HHmm}-{Short(report.Alerts[0].Id)}");
        await File.WriteAllTextAsync(stem + ".html", IncidentHtml.Render(report), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(stem + ".json", JsonSerializer.Serialize(report, ReportJson.Options), cancellationToken).ConfigureAwait(false);
        return (stem + ".html", stem + ".json");
    }

    private const string EntityKindAgency = "agency";

    private AlertEvidenceSummary Summarize(AlertRecord alert)
    {
        var max = _options.MaxEvidenceItems;
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        List<string> accounts = [], addresses = [], agents = [], citizens = [], samples = [];
        try
        {
            using var document = JsonDocument.Parse(alert.EvidenceJson);
            var root = document.RootElement;
            if (root.TryGetProperty("counts", out var c) && c.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in c.EnumerateObject())
                {
                    if (p.Value.TryGetInt64(out var n))
                    {
                        counts[p.Name] = n;
                    }
                }
            }

            accounts = Strings(root, "accounts");
            addresses = Strings(root, "addresses");
            agents = Strings(root, "user_agents");
            citizens = Strings(root, "citizen_refs");
            samples = Strings(root, "sample_event_keys");
        }
        catch (JsonException)
        {
            // Evidence that cannot be read is shown as absent; the alert's own fields still stand.
        }

        return new AlertEvidenceSummary(
            alert.Id,
            alert.Type,
            AlertTypeLabels.For(alert.Type, ReportLanguage.Vietnamese),
            alert.Entity,
            alert.Agency,
            alert.Score,
            alert.Severity,
            alert.State,
            alert.CategoryVi,
            Local(alert.FirstSeen),
            Local(alert.LastSeen),
            (int)alert.Occurrences,
            Daily.DailyReportBuilder.Summary(alert, ReportLanguage.Vietnamese),
            counts,
            [.. accounts.Take(max)],
            [.. addresses.Take(max)],
            [.. agents.Take(max)],
            [.. citizens.Take(max)],
            citizens.Count,
            [.. samples.Take(max)]);
    }

    private static List<string> Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];

    private static List<string> Distinct(IEnumerable<string> values) => [.. values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];

    private static string EntityLabel(AlertEvidenceSummary e) => e.Type switch
    {
        _ when e.Entity == "gateway" => "cổng kết nối",
        _ => e.Agency.Length > 0 && e.Agency != e.Entity ? $"{e.Entity} ({e.Agency})" : e.Entity,
    };

    private DateTimeOffset Local(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(_options.LocalOffset);

    internal static string Short(Guid id) => id.ToString("N")[..8];

    private static string Actor(string actor) => actor == "detector" ? "hệ thống LogSentinel" : actor;

    private static string Action(string action) => action switch
    {
        "raised" => "phát hiện và mở cảnh báo",
        "merged" => "ghi nhận lần lặp lại",
        "assigned" => "phân công xử lý",
        "closed" => "đóng cảnh báo",
        "reopened" => "mở lại cảnh báo",
        "commented" or "note" => "ghi chú",
        _ => action,
    };

    private static string State(string state) => state switch
    {
        "" => "mới",
        "open" => "mở",
        "closed" or "resolved" or "dismissed" => "đã đóng",
        _ => state,
    };
}
