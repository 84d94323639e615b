using LogSentinel.Store.RowBinary;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.State;

/// <summary>
/// Key/value state in <c>detector_state</c>. Versions come from a process-wide counter seeded with the clock, so
/// a later write wins even before ReplacingMergeTree merges; reads take the newest version explicitly.
/// </summary>
internal sealed class StateStore(IClickHouseTransport transport, string database, TimeProvider time) : IStateStore
{
    private static readonly (string, ColumnKind)[] Columns =
        [("key", ColumnKind.String), ("value", ColumnKind.String), ("updated_at", ColumnKind.DateTime64Ms), ("version", ColumnKind.UInt64)];

    private static long s_lastVersion;

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $"SELECT argMax(value, version) FROM {database}.detector_state WHERE key = {{key:String}} GROUP BY key",
            new QueryParameters().Add("key", key),
            cancellationToken).ConfigureAwait(false);
        return result.Rows.Count == 0 ? null : (string?)result.Rows[0][0];
    }

    public async Task<IReadOnlyDictionary<string, string>> GetByPrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $"SELECT key, argMax(value, version) FROM {database}.detector_state WHERE startsWith(key, {{prefix:String}}) GROUP BY key",
            new QueryParameters().Add("prefix", prefix),
            cancellationToken).ConfigureAwait(false);
        return result.Rows.ToDictionary(r => (string)r[0]!, r => (string)r[1]!, StringComparer.Ordinal);
    }

    public async Task SetAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var version = NextVersion(now);
        var rows = values.Select(v => new object?[] { v.Key, v.Value, now, version }).ToList();
        await transport.InsertAsync(new ValueRows($"{database}.detector_state", Columns, rows), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Strictly increasing within the process and at least the clock in microseconds, so restarts keep increasing too.</summary>
    private static ulong NextVersion(DateTimeOffset now)
    {
        var clock = (now.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;
        while (true)
        {
            var last = Interlocked.Read(ref s_lastVersion);
            var next = Math.Max(last + 1, clock);
            if (Interlocked.CompareExchange(ref s_lastVersion, next, last) == last)
            {
                return (ulong)next;
            }
        }
    }
}
