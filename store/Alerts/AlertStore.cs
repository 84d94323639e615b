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

        // FINAL keeps the newest version of each id even before the engine has merged the parts.
        var result = await transport.QueryAsync(
            $"SELECT {SelectColumns} FROM {database}.alerts FINAL WHERE {where} ORDER BY first_seen, type, entity, id LIMIT {{limit:UInt32}}",
            parameters,
            cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(Read)];
    }

    public async Task<IReadOnlyList<AlertRecord>> GetAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var result = await transport.QueryAsync(
            $"SELECT {SelectColumns} FROM {database}.alerts FINAL WHERE has({{ids:Array(UUID)}}, id) ORDER BY first_seen, type, entity, id",
            new QueryParameters().Add("ids", ids.ToArray()),
            cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(Read)];
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

    private static AlertRecord Read(object?[] r) => new(
        (Guid)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, (string)r[4]!, (DateTime)r[5]!, (DateTime)r[6]!,
        Convert.ToByte(r[7], CultureInfo.InvariantCulture), (string)r[8]!, (string)r[9]!, (string)r[10]!, (string)r[11]!, (string)r[12]!,
        (string)r[13]!, (string)r[14]!, (string)r[15]!, (DateTime)r[16]!, (DateTime)r[17]!, Convert.ToUInt32(r[18], CultureInfo.InvariantCulture),
        (DateTime)r[19]!, (DateTime)r[20]!, (DateTime)r[21]!, Convert.ToUInt64(r[22], CultureInfo.InvariantCulture));
}
