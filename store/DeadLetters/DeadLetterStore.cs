using System.Globalization;
using System.Text;
using LogSentinel.Store.RowBinary;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.DeadLetters;

internal sealed class DeadLetterStore(IClickHouseTransport transport, string database) : IDeadLetterStore
{
    private static readonly (string, ColumnKind)[] Columns =
    [
        ("id", ColumnKind.Uuid), ("received_at", ColumnKind.DateTime64Ms), ("source", ColumnKind.String), ("format", ColumnKind.String),
        ("position", ColumnKind.String), ("reason", ColumnKind.String), ("detail", ColumnKind.String), ("raw", ColumnKind.Bytes), ("sealed", ColumnKind.Bytes),
    ];

    private static readonly (string, ColumnKind)[] RedriveColumns =
        [("id", ColumnKind.Uuid), ("redriven_at", ColumnKind.DateTime64Ms), ("outcome", ColumnKind.String), ("detail", ColumnKind.String)];

    public async Task InsertAsync(IReadOnlyCollection<DeadLetter> letters, bool skipStored = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letters);
        if (letters.Count == 0)
        {
            return;
        }

        if (skipStored)
        {
            var stored = await transport.QueryAsync(
                $"SELECT id FROM {database}.dead_letters WHERE has({{ids:Array(UUID)}}, id)",
                new QueryParameters().Add("ids", letters.Select(l => l.Id).ToArray()),
                cancellationToken).ConfigureAwait(false);
            var storedIds = stored.Rows.Select(r => (Guid)r[0]!).ToHashSet();
            letters = [.. letters.Where(l => !storedIds.Contains(l.Id))];
            if (letters.Count == 0)
            {
                return;
            }
        }

        var rows = letters.Select(l => new object?[] { l.Id, l.ReceivedAt, l.Source, l.Format, l.Position, l.Reason, l.Detail, l.Raw, l.Sealed }).ToList();
        await transport.InsertAsync(new ValueRows($"{database}.dead_letters", Columns, rows), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(DeadLetterQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new QueryParameters().Add("limit", query.Limit);
        var where = new StringBuilder("1");
        if (query.Reason is not null)
        {
            where.Append(" AND reason = {reason:String}");
            parameters.Add("reason", query.Reason);
        }

        if (query.Source is not null)
        {
            where.Append(" AND source = {source:String}");
            parameters.Add("source", query.Source);
        }

        if (query.Since is not null)
        {
            where.Append(" AND received_at >= {since:DateTime64(3)}");
            parameters.Add("since", query.Since.Value);
        }

        if (!query.IncludeRedriven)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND id NOT IN (SELECT id FROM {database}.dead_letter_redrives WHERE outcome = 'ingested')");
        }

        // Raw lines may not be valid UTF-8 (that can be why they failed): they travel base64-encoded.
        var result = await transport.QueryAsync(
            $"SELECT id, received_at, source, format, position, reason, detail, base64Encode(raw), base64Encode(sealed) FROM {database}.dead_letters WHERE {where} ORDER BY received_at, id LIMIT {{limit:UInt32}}",
            parameters,
            cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(r => new DeadLetter(
            (Guid)r[0]!, (DateTime)r[1]!, (string)r[2]!, (string)r[3]!, (string)r[4]!, (string)r[5]!, (string)r[6]!,
            Convert.FromBase64String((string)r[7]!), Convert.FromBase64String((string)r[8]!)))];
    }

    public async Task<IReadOnlyDictionary<string, ulong>> CountByReasonAsync(CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $"SELECT reason, count() FROM {database}.dead_letters WHERE id NOT IN (SELECT id FROM {database}.dead_letter_redrives WHERE outcome = 'ingested') GROUP BY reason ORDER BY reason",
            null,
            cancellationToken).ConfigureAwait(false);
        return result.Rows.ToDictionary(r => (string)r[0]!, r => Convert.ToUInt64(r[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    public async Task RecordRedrivesAsync(IReadOnlyCollection<DeadLetterRedrive> redrives, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(redrives);
        if (redrives.Count == 0)
        {
            return;
        }

        var rows = redrives.Select(r => new object?[] { r.Id, r.RedrivenAt, r.Outcome, r.Detail }).ToList();
        await transport.InsertAsync(new ValueRows($"{database}.dead_letter_redrives", RedriveColumns, rows), cancellationToken).ConfigureAwait(false);
    }
}
