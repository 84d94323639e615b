using System.Globalization;
using LogSentinel.Store.RowBinary;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.Baselines;

/// <summary>Baselines in <c>entity_baselines</c>; versions grow with every write, so the newest write of an entity wins.</summary>
internal sealed class BaselineStore(IClickHouseTransport transport, string database) : IBaselineStore
{
    private const string SelectColumns = "entity_kind, entity, agency, peer_group, own_days, as_of, profile";

    private static readonly (string, ColumnKind)[] Columns =
    [
        ("entity_kind", ColumnKind.String), ("entity", ColumnKind.String), ("agency", ColumnKind.String), ("peer_group", ColumnKind.String),
        ("own_days", ColumnKind.UInt32), ("as_of", ColumnKind.DateTime64Ms), ("profile", ColumnKind.String), ("version", ColumnKind.UInt64),
    ];

    private static long s_lastVersion;

    public async Task UpsertAsync(IReadOnlyCollection<EntityBaselineRecord> baselines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baselines);
        if (baselines.Count == 0)
        {
            return;
        }

        var version = Versions.Next(ref s_lastVersion);
        var rows = baselines.Select(b => new object?[] { b.EntityKind, b.Entity, b.Agency, b.PeerGroup, b.OwnDays, b.AsOf, b.ProfileJson, version }).ToList();
        await transport.InsertAsync(new ValueRows($"{database}.entity_baselines", Columns, rows), cancellationToken).ConfigureAwait(false);
    }

    public async Task<EntityBaselineRecord?> GetAsync(string entityKind, string entity, CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $"SELECT {SelectColumns} FROM {database}.entity_baselines FINAL WHERE entity_kind = {{kind:String}} AND entity = {{entity:String}}",
            new QueryParameters().Add("kind", entityKind).Add("entity", entity),
            cancellationToken).ConfigureAwait(false);
        return result.Rows.Count == 0 ? null : Read(result.Rows[0]);
    }

    public async Task<IReadOnlyList<EntityBaselineRecord>> ListAsync(string? entityKind = null, CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $"SELECT {SelectColumns} FROM {database}.entity_baselines FINAL WHERE {{kind:String}} = '' OR entity_kind = {{kind:String}} ORDER BY entity_kind, entity",
            new QueryParameters().Add("kind", entityKind ?? string.Empty),
            cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(Read)];
    }

    public async Task<long> CountActiveEntityDaysAsync(TimeSpan localOffset, CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $"SELECT (SELECT uniqExact(account, toDate(addSeconds(minute, {{offset:Int32}}))) FROM {database}.rollup_account_1m WHERE account != '') " +
            $"+ (SELECT uniqExact(client_ip, toDate(addSeconds(minute, {{offset:Int32}}))) FROM {database}.rollup_ip_1m) " +
            $"+ (SELECT uniqExact(agency, toDate(addSeconds(minute, {{offset:Int32}}))) FROM {database}.rollup_agency_1m WHERE agency != '')",
            new QueryParameters().Add("offset", (int)localOffset.TotalSeconds),
            cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(result.Rows[0][0], CultureInfo.InvariantCulture);
    }

    private static EntityBaselineRecord Read(object?[] r) => new(
        (string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, Convert.ToUInt32(r[4], CultureInfo.InvariantCulture), (DateTime)r[5]!, (string)r[6]!);
}
