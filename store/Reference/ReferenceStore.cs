using System.Globalization;
using System.Net;
using LogSentinel.Store.RowBinary;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.Reference;

/// <summary>Reference data over either transport; see <see cref="IReferenceStore"/> for the versioning rule.</summary>
internal sealed class ReferenceStore(IClickHouseTransport transport, string database, TimeProvider time) : IReferenceStore
{
    private static readonly (string, ColumnKind)[] AccountColumns =
        [("version", ColumnKind.UInt64), ("account", ColumnKind.String), ("agency", ColumnKind.String), ("role", ColumnKind.String), ("status", ColumnKind.String), ("status_since", ColumnKind.Date)];

    private static readonly (string, ColumnKind)[] NetworkColumns =
        [("version", ColumnKind.UInt64), ("agency", ColumnKind.String), ("cidr", ColumnKind.String), ("range_start", ColumnKind.IPv6), ("range_end", ColumnKind.IPv6), ("label", ColumnKind.String)];

    private static readonly (string, ColumnKind)[] DelegationColumns =
        [("version", ColumnKind.UInt64), ("account", ColumnKind.String), ("delegate", ColumnKind.String), ("valid_from", ColumnKind.DateTime64Ms), ("valid_to", ColumnKind.DateTime64Ms), ("reason", ColumnKind.String)];

    private static readonly (string, ColumnKind)[] VersionColumns =
        [("kind", ColumnKind.String), ("version", ColumnKind.UInt64), ("loaded_at", ColumnKind.DateTime64Ms), ("loaded_by", ColumnKind.String), ("source", ColumnKind.String), ("rows", ColumnKind.UInt64)];

    public Task<ReferenceVersion> LoadAccountsAsync(IReadOnlyCollection<AccountRecord> accounts, string source, string loadedBy, CancellationToken cancellationToken = default) =>
        LoadAsync(ReferenceKind.Accounts, "ref_accounts", AccountColumns, accounts, a => [a.Account, a.Agency, a.Role, StatusName(a.Status), a.StatusSince], source, loadedBy, cancellationToken);

    public Task<ReferenceVersion> LoadNetworksAsync(IReadOnlyCollection<NetworkRecord> networks, string source, string loadedBy, CancellationToken cancellationToken = default) =>
        LoadAsync(ReferenceKind.Networks, "ref_networks", NetworkColumns, networks, n => [n.Agency, n.Cidr, n.RangeStart, n.RangeEnd, n.Label], source, loadedBy, cancellationToken);

    public Task<ReferenceVersion> LoadDelegationsAsync(IReadOnlyCollection<DelegationRecord> delegations, string source, string loadedBy, CancellationToken cancellationToken = default) =>
        LoadAsync(ReferenceKind.Delegations, "ref_delegations", DelegationColumns, delegations, d => [d.Account, d.Delegate, d.ValidFrom, d.ValidTo, d.Reason], source, loadedBy, cancellationToken);

    public async Task<IReadOnlyList<AccountRecord>> GetAccountsAsync(CancellationToken cancellationToken = default)
    {
        var result = await QueryCurrentAsync(ReferenceKind.Accounts, "account, agency, role, status, status_since", "ref_accounts", "account", cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(r => new AccountRecord((string)r[0]!, (string)r[1]!, (string)r[2]!, ParseStatus((string)r[3]!), (DateOnly)r[4]!))];
    }

    public async Task<IReadOnlyList<NetworkRecord>> GetNetworksAsync(CancellationToken cancellationToken = default)
    {
        var result = await QueryCurrentAsync(ReferenceKind.Networks, "agency, cidr, range_start, range_end, label", "ref_networks", "agency, range_start", cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(r => new NetworkRecord((string)r[0]!, (string)r[1]!, (IPAddress)r[2]!, (IPAddress)r[3]!, (string)r[4]!))];
    }

    public async Task<IReadOnlyList<DelegationRecord>> GetDelegationsAsync(CancellationToken cancellationToken = default)
    {
        var result = await QueryCurrentAsync(ReferenceKind.Delegations, "account, delegate, valid_from, valid_to, reason", "ref_delegations", "account, valid_from", cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(r => new DelegationRecord(
            (string)r[0]!, (string)r[1]!, new DateTimeOffset((DateTime)r[2]!, TimeSpan.Zero), new DateTimeOffset((DateTime)r[3]!, TimeSpan.Zero), (string)r[4]!))];
    }

    public async Task<IReadOnlyList<ReferenceVersion>> GetVersionsAsync(CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $"SELECT kind, version, loaded_at, loaded_by, source, rows FROM {database}.ref_versions ORDER BY loaded_at DESC, kind",
            null,
            cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(r => new ReferenceVersion(
            Enum.Parse<ReferenceKind>((string)r[0]!, ignoreCase: true), (ulong)r[1]!, (DateTime)r[2]!, (string)r[3]!, (string)r[4]!, (ulong)r[5]!))];
    }

    private async Task<ReferenceVersion> LoadAsync<T>(
        ReferenceKind kind, string table, (string, ColumnKind)[] columns, IReadOnlyCollection<T> records, Func<T, object?[]> values,
        string source, string loadedBy, CancellationToken cancellationToken)
    {
        var version = await NextVersionAsync(kind, cancellationToken).ConfigureAwait(false);
        var rows = new List<object?[]>(records.Count);
        foreach (var record in records)
        {
            rows.Add([version, .. values(record)]);
        }

        await transport.InsertAsync(new ValueRows($"{database}.{table}", columns, rows), cancellationToken).ConfigureAwait(false);

        // Recording the version is the switch: until this row exists, readers keep the previous version.
        var loaded = new ReferenceVersion(kind, version, time.GetUtcNow().UtcDateTime, loadedBy, source, (ulong)rows.Count);
        await transport.InsertAsync(
            new ValueRows($"{database}.ref_versions", VersionColumns, [[ReferenceKinds.Name(kind), version, loaded.LoadedAt, loadedBy, source, loaded.Rows]]),
            cancellationToken).ConfigureAwait(false);
        return loaded;
    }

    private async Task<ulong> NextVersionAsync(ReferenceKind kind, CancellationToken cancellationToken)
    {
        // Versions also count rows of loads that failed before being recorded, so a retry never reuses their number.
        var table = kind switch
        {
            ReferenceKind.Accounts => "ref_accounts",
            ReferenceKind.Networks => "ref_networks",
            _ => "ref_delegations",
        };
        var result = await transport.QueryAsync(
            $"SELECT greatest((SELECT max(version) FROM {database}.ref_versions WHERE kind = {{kind:String}}), (SELECT max(version) FROM {database}.{table})) + 1 AS next",
            new QueryParameters().Add("kind", ReferenceKinds.Name(kind)),
            cancellationToken).ConfigureAwait(false);
        return Convert.ToUInt64(result.Rows[0][0], CultureInfo.InvariantCulture);
    }

    private Task<ResultSet> QueryCurrentAsync(ReferenceKind kind, string columns, string table, string orderBy, CancellationToken cancellationToken) =>
        transport.QueryAsync(
            $"SELECT {columns} FROM {database}.{table} WHERE version = (SELECT max(version) FROM {database}.ref_versions WHERE kind = {{kind:String}}) ORDER BY {orderBy}",
            new QueryParameters().Add("kind", ReferenceKinds.Name(kind)),
            cancellationToken);

    internal static string StatusName(AccountStatus status) => status.ToString().ToLowerInvariant();

    private static AccountStatus ParseStatus(string status) => Enum.Parse<AccountStatus>(status, ignoreCase: true);
}
