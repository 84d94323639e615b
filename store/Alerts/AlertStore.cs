using System.Globalization;
using System.Text;
using LogSentinel.Store.RowBinary;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.Alerts;

/// <summary>Alerts over either transport; see <see cref="IAlertStore"/> for the versioning rule.</summary>
internal sealed class AlertStore(IClickHouseTransport transport, string database) : IAlertStore
{
    private const string SelectColumns =
        "id, type, entity_kind, entity, agency, window_start, window_end, score, severity, state, disposition, assignee, explanation, evidence, " +
        "category_vi, category_en, first_seen, last_seen, occurrences, detected_at, raised_at, updated_at, version";

    private static readonly (string, ColumnKind)[] Columns =
    [
        ("id", ColumnKind.Uuid), ("type", ColumnKind.String), ("entity_kind", ColumnKind.String), ("entity", ColumnKind.String), ("agency", ColumnKind.String),
        ("window_start", ColumnKind.DateTime64Ms), ("window_end", ColumnKind.DateTime64Ms), ("score", ColumnKind.UInt8), ("severity", ColumnKind.String),
        ("state", ColumnKind.String), ("disposition", ColumnKind.String), ("assignee", ColumnKind.String), ("explanation", ColumnKind.String),
        ("evidence", ColumnKind.String), ("category_vi", ColumnKind.String), ("category_en", ColumnKind.String), ("first_seen", ColumnKind.DateTime64Ms),
        ("last_seen", ColumnKind.DateTime64Ms), ("occurrences", ColumnKind.UInt32), ("detected_at", ColumnKind.DateTime64Ms), ("raised_at", ColumnKind.DateTime64Ms),
        ("updated_at", ColumnKind.DateTime64Ms), ("version", ColumnKind.UInt64),
    ];

    private static readonly (string, ColumnKind)[] HistoryColumns =
    [
        ("alert_id", ColumnKind.Uuid), ("at", ColumnKind.DateTime64Ms), ("actor", ColumnKind.String), ("action", ColumnKind.String),
        ("from_state", ColumnKind.String), ("to_state", ColumnKind.String), ("detail", ColumnKind.String),
    ];

    private static readonly (string, ColumnKind)[] TriageColumns =
    [
        ("alert_id", ColumnKind.Uuid), ("state", ColumnKind.String), ("disposition", ColumnKind.String), ("assignee", ColumnKind.String),
        ("updated_by", ColumnKind.String), ("updated_at", ColumnKind.DateTime64Ms), ("version", ColumnKind.UInt64),
    ];

    private static long s_lastTriageVersion;

    public async Task UpsertAsync(IReadOnlyCollection<AlertRecord> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Count == 0)
        {
            return;
        }

        var rows = new List<object?[]>(alerts.Count);
        foreach (var a in alerts)
        {
            rows.Add([
                a.Id, a.Type, a.EntityKind, a.Entity, a.Agency, a.WindowStart, a.WindowEnd, a.Score, a.Severity, a.State, a.Disposition, a.Assignee,
                a.ExplanationJson, a.EvidenceJson, a.CategoryVi, a.CategoryEn, a.FirstSeen, a.LastSeen, a.Occurrences, a.DetectedAt, a.RaisedAt,
                a.UpdatedAt, a.Version,
            ]);
        }

        await transport.InsertAsync(new ValueRows($"{database}.alerts", Columns, rows), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AlertRecord>> ListAsync(AlertQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new QueryParameters().Add("limit", query.Limit);
        var where = new StringBuilder("1");
        if (query.Type is not null)
        {
            where.Append(" AND type = {type:String}");
            parameters.Add("type", query.Type);
        }

        if (query.Since is not null)
        {
            where.Append(" AND last_seen >= {since:DateTime64(3)}");
            parameters.Add("since", query.Since.Value);
        }

        if (query.Until is not null)
        {
            where.Append(" AND first_seen <= {until:DateTime64(3)}");
            parameters.Add("until", query.Until.Value);
        }

        var result = await transport.QueryAsync(
            $"SELECT {SelectColumns} FROM ({Effective(where.ToString())}) ORDER BY first_seen, type, entity, id LIMIT {{limit:UInt32}}",
            parameters,
            cancellationToken).ConfigureAwait(false);
        return ReadRecords(result);
    }

    public async Task<AlertPage> SearchAsync(AlertSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var parameters = new QueryParameters();
        var inner = new StringBuilder("1");
        var outer = new StringBuilder("1");
        Filter(inner, parameters, "type", "type", search.Type);
        Filter(inner, parameters, "severity", "severity", search.Severity);
        Filter(inner, parameters, "agency", "agency", search.Agency);
        Filter(inner, parameters, "entity_kind", "entity_kind", search.EntityKind);
        Filter(inner, parameters, "entity", "entity", search.Entity);
        if (search.Since is not null)
        {
            inner.Append(" AND last_seen >= {since:DateTime64(3)}");
            parameters.Add("since", search.Since.Value);
        }

        if (search.Until is not null)
        {
            inner.Append(" AND first_seen <= {until:DateTime64(3)}");
            parameters.Add("until", search.Until.Value);
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            inner.Append(" AND positionCaseInsensitiveUTF8(concat(entity, ' ', agency, ' ', type, ' ', explanation), {text:String}) > 0");
            parameters.Add("text", search.Text.Trim());
        }

        Filter(outer, parameters, "state", "state", search.State);
        Filter(outer, parameters, "assignee", "assignee", search.Assignee);
        var order = search.Sort switch
        {
            AlertSort.FirstSeen => "first_seen",
            AlertSort.Score => "score",
            AlertSort.Type => "type",
            AlertSort.Entity => "entity",
            AlertSort.State => "state",
            AlertSort.Occurrences => "occurrences",
            _ => "last_seen",
        };
        var direction = search.Descending ? "DESC" : "ASC";
        parameters.Add("offset", Math.Max(0, search.Offset)).Add("limit", Math.Clamp(search.Limit, 1, 10_000));

        // Two steps: the page's ids (sorted and counted on narrow columns), then the wide columns of those ids only.
        var page = await transport.QueryAsync(
            $"SELECT id, count() OVER () AS total FROM ({Effective(inner.ToString(), narrow: true)}) WHERE {outer} " +
            $"ORDER BY {order} {direction}, id {direction} LIMIT {{limit:UInt32}} OFFSET {{offset:UInt32}}",
            parameters,
            cancellationToken).ConfigureAwait(false);
        if (page.Rows.Count == 0)
        {
            var total = search.Offset > 0 ? await CountAsync(inner.ToString(), outer.ToString(), parameters, cancellationToken).ConfigureAwait(false) : 0;
            return new AlertPage([], total);
        }

        var ids = page.Rows.Select(r => (Guid)r[0]!).ToArray();
        var details = await transport.QueryAsync(
            $"SELECT {SelectColumns} FROM ({Effective("has({ids:Array(UUID)}, id)")})",
            new QueryParameters().Add("ids", ids),
            cancellationToken).ConfigureAwait(false);
        var byId = ReadRecords(details).ToDictionary(a => a.Id);
        var items = ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        return new AlertPage(items, Convert.ToInt64(page.Rows[0][1], CultureInfo.InvariantCulture));
    }

    public async Task<AlertRecord?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $"SELECT {SelectColumns} FROM ({Effective("id = {id:UUID}")})",
            new QueryParameters().Add("id", id),
            cancellationToken).ConfigureAwait(false);
        var records = ReadRecords(result);
        return records.Count == 0 ? null : records[0];
    }

    public async Task SetTriageAsync(IReadOnlyCollection<AlertTriage> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        var rows = new List<object?[]>(changes.Count);
        foreach (var c in changes)
        {
            rows.Add([c.AlertId, c.State, c.Disposition, c.Assignee, c.UpdatedBy, c.UpdatedAt, NextTriageVersion(c.UpdatedAt)]);
        }

        await transport.InsertAsync(new ValueRows($"{database}.alert_triage", TriageColumns, rows), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AlertRecord>> GetAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var result = await transport.QueryAsync(
            $"SELECT {SelectColumns} FROM ({Effective("has({ids:Array(UUID)}, id)")}) ORDER BY first_seen, type, entity, id",
            new QueryParameters().Add("ids", ids.ToArray()),
            cancellationToken).ConfigureAwait(false);
        return ReadRecords(result);
    }

    public async Task AppendHistoryAsync(IReadOnlyCollection<AlertHistoryEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var rows = new List<object?[]>(entries.Count);
        foreach (var e in entries)
        {
            rows.Add([e.AlertId, e.At, e.Actor, e.Action, e.FromState, e.ToState, e.Detail]);
        }

        await transport.InsertAsync(new ValueRows($"{database}.alert_history", HistoryColumns, rows), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AlertHistoryEntry>> GetHistoryAsync(Guid alertId, CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $"SELECT alert_id, at, actor, action, from_state, to_state, detail FROM {database}.alert_history WHERE alert_id = {{id:UUID}} ORDER BY at",
            new QueryParameters().Add("id", alertId),
            cancellationToken).ConfigureAwait(false);
        var entries = new List<AlertHistoryEntry>(result.Rows.Count);
        foreach (var r in result.Rows)
        {
            entries.Add(new AlertHistoryEntry((Guid)r[0]!, (DateTime)r[1]!, (string)r[2]!, (string)r[3]!, (string)r[4]!, (string)r[5]!, (string)r[6]!));
        }

        return entries;
    }

    /// <summary>
    /// The newest detector version of each alert matching <paramref name="where"/>, with the newest triage change
    /// laid over it; detectors' <c>open</c> reads as <c>new</c>. FINAL keeps the newest version even before merges.
    /// </summary>
    private string Effective(string where, bool narrow = false)
    {
        var wide = narrow
            ? "a.id AS id, a.type AS type, a.entity AS entity, a.score AS score, a.first_seen AS first_seen, a.last_seen AS last_seen, a.occurrences AS occurrences"
            : "a.id AS id, a.type AS type, a.entity_kind AS entity_kind, a.entity AS entity, a.agency AS agency, a.window_start AS window_start, " +
              "a.window_end AS window_end, a.score AS score, a.severity AS severity, a.explanation AS explanation, a.evidence AS evidence, " +
              "a.category_vi AS category_vi, a.category_en AS category_en, a.first_seen AS first_seen, a.last_seen AS last_seen, " +
              "a.occurrences AS occurrences, a.detected_at AS detected_at, a.raised_at AS raised_at, greatest(a.updated_at, t.updated_at) AS updated_at, a.version AS version";
        var source = narrow
            ? $"SELECT id, type, entity, score, first_seen, last_seen, occurrences, state, disposition, assignee FROM {database}.alerts FINAL WHERE {where}"
            : $"SELECT * FROM {database}.alerts FINAL WHERE {where}";
        return $"""
            SELECT {wide},
                   if(t.state != '', t.state, if(a.state = '{AlertStates.DetectorOpen}', '{AlertStates.New}', a.state)) AS state,
                   if(t.state != '', t.disposition, a.disposition) AS disposition,
                   if(t.state != '', t.assignee, a.assignee) AS assignee
            FROM ({source}) AS a
            LEFT JOIN (SELECT alert_id, state, disposition, assignee, updated_at FROM {database}.alert_triage FINAL) AS t ON t.alert_id = a.id
            """;
    }

    private async Task<long> CountAsync(string inner, string outer, QueryParameters parameters, CancellationToken cancellationToken)
    {
        var result = await transport.QueryAsync(
            $"SELECT count() FROM ({Effective(inner, narrow: true)}) WHERE {outer}", parameters, cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(result.Rows[0][0], CultureInfo.InvariantCulture);
    }

    private static void Filter(StringBuilder where, QueryParameters parameters, string column, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        where.Append(CultureInfo.InvariantCulture, $" AND {column} = {{{name}:String}}");
        parameters.Add(name, value.Trim());
    }

    private static List<AlertRecord> ReadRecords(ResultSet result)
    {
        var alerts = new List<AlertRecord>(result.Rows.Count);
        foreach (var r in result.Rows)
        {
            alerts.Add(new AlertRecord(
                (Guid)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, (string)r[4]!, (DateTime)r[5]!, (DateTime)r[6]!,
                Convert.ToByte(r[7], CultureInfo.InvariantCulture), (string)r[8]!, (string)r[9]!, (string)r[10]!, (string)r[11]!, (string)r[12]!,
                (string)r[13]!, (string)r[14]!, (string)r[15]!, (DateTime)r[16]!, (DateTime)r[17]!, Convert.ToUInt32(r[18], CultureInfo.InvariantCulture),
                (DateTime)r[19]!, (DateTime)r[20]!, (DateTime)r[21]!, Convert.ToUInt64(r[22], CultureInfo.InvariantCulture)));
        }

        return alerts;
    }

    /// <summary>Strictly increasing within the process and at least the clock in microseconds, so a later change wins.</summary>
    private static ulong NextTriageVersion(DateTime at)
    {
        var clock = (at.Ticks - DateTime.UnixEpoch.Ticks) / 10;
        while (true)
        {
            var last = Interlocked.Read(ref s_lastTriageVersion);
            var next = Math.Max(last + 1, clock);
            if (Interlocked.CompareExchange(ref s_lastTriageVersion, next, last) == last)
            {
                return (ulong)next;
            }
        }
    }
}
