using System.Globalization;
using System.Text;
using LogSentinel.Store.RowBinary;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.Audit;

/// <summary>The audit trail over either transport.</summary>
internal sealed class AuditStore(IClickHouseTransport transport, string database) : IAuditStore
{
    private static readonly (string, ColumnKind)[] Columns =
    [
        ("at", ColumnKind.DateTime64Ms), ("actor", ColumnKind.String), ("role", ColumnKind.String), ("action", ColumnKind.String),
        ("target", ColumnKind.String), ("detail", ColumnKind.String), ("remote_addr", ColumnKind.String),
    ];

    public async Task AppendAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var rows = entries.Select(e => new object?[] { e.At, e.Actor, e.Role, e.Action, e.Target, e.Detail, e.RemoteAddress }).ToList();
        await transport.InsertAsync(new ValueRows($"{database}.audit_log", Columns, rows), cancellationToken).ConfigureAwait(false);
    }

    public async Task<AuditPage> SearchAsync(AuditSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var parameters = new QueryParameters();
        var where = new StringBuilder("1");
        if (!string.IsNullOrWhiteSpace(search.Actor))
        {
            where.Append(" AND actor = {actor:String}");
            parameters.Add("actor", search.Actor.Trim());
        }

        if (!string.IsNullOrWhiteSpace(search.Action))
        {
            where.Append(" AND startsWith(action, {action:String})");
            parameters.Add("action", search.Action.Trim());
        }

        if (!string.IsNullOrWhiteSpace(search.Target))
        {
            where.Append(" AND target = {target:String}");
            parameters.Add("target", search.Target.Trim());
        }

        if (search.Since is not null)
        {
            where.Append(" AND at >= {since:DateTime64(3)}");
            parameters.Add("since", search.Since.Value);
        }

        if (search.Until is not null)
        {
            where.Append(" AND at <= {until:DateTime64(3)}");
            parameters.Add("until", search.Until.Value);
        }

        var direction = search.Descending ? "DESC" : "ASC";
        parameters.Add("offset", Math.Max(0, search.Offset)).Add("limit", Math.Clamp(search.Limit, 1, 10_000));
        var result = await transport.QueryAsync(
            $"SELECT at, actor, role, action, target, detail, remote_addr, count() OVER () AS total FROM {database}.audit_log WHERE {where} " +
            $"ORDER BY at {direction}, action {direction} LIMIT {{limit:UInt32}} OFFSET {{offset:UInt32}}",
            parameters,
            cancellationToken).ConfigureAwait(false);
        var items = result.Rows
            .Select(r => new AuditEntry((DateTime)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, (string)r[4]!, (string)r[5]!, (string)r[6]!))
            .ToList();
        long total = result.Rows.Count > 0 ? Convert.ToInt64(result.Rows[0][7], CultureInfo.InvariantCulture) : 0;
        if (items.Count == 0 && search.Offset > 0)
        {
            var count = await transport.QueryAsync($"SELECT count() FROM {database}.audit_log WHERE {where}", parameters, cancellationToken).ConfigureAwait(false);
            total = Convert.ToInt64(count.Rows[0][0], CultureInfo.InvariantCulture);
        }

        return new AuditPage(items, total);
    }
}
