using LogSentinel.Store.RowBinary;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.Users;

/// <summary>API users over either transport.</summary>
internal sealed class UserStore(IClickHouseTransport transport, string database) : IUserStore
{
    private const string SelectColumns = "name, role, key_id, key_hash, created_at, created_by, revoked_at";

    private static readonly (string, ColumnKind)[] Columns =
    [
        ("name", ColumnKind.String), ("role", ColumnKind.String), ("key_id", ColumnKind.String), ("key_hash", ColumnKind.String),
        ("created_at", ColumnKind.DateTime64Ms), ("created_by", ColumnKind.String), ("revoked_at", ColumnKind.DateTime64Ms), ("version", ColumnKind.UInt64),
    ];

    public async Task AddAsync(ApiUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var existing = await FindAsync("name = {name:String}", new QueryParameters().Add("name", user.Name), cancellationToken).ConfigureAwait(false);
        if (existing is { IsActive: true })
        {
            throw new StoreException($"A user named '{user.Name}' already exists; revoke it first to issue a new key.");
        }

        await transport.InsertAsync(
            new ValueRows($"{database}.api_users", Columns, [[user.Name, user.Role, user.KeyId, user.KeyHash, user.CreatedAt, user.CreatedBy, DateTime.UnixEpoch, Version(user.CreatedAt)]]),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ApiUser>> ListAsync(CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync($"SELECT {SelectColumns} FROM {database}.api_users FINAL ORDER BY name", null, cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(Read)];
    }

    public Task<ApiUser?> FindByKeyIdAsync(string keyId, CancellationToken cancellationToken = default) =>
        FindAsync("key_id = {key_id:String}", new QueryParameters().Add("key_id", keyId), cancellationToken);

    public async Task<bool> RevokeAsync(string name, DateTime at, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync("name = {name:String}", new QueryParameters().Add("name", name), cancellationToken).ConfigureAwait(false);
        if (user is not { IsActive: true })
        {
            return false;
        }

        await transport.InsertAsync(
            new ValueRows($"{database}.api_users", Columns, [[user.Name, user.Role, user.KeyId, user.KeyHash, user.CreatedAt, user.CreatedBy, at, Math.Max(Version(at), Version(user.CreatedAt) + 1)]]),
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<ApiUser?> FindAsync(string where, QueryParameters parameters, CancellationToken cancellationToken)
    {
        var result = await transport.QueryAsync(
            $"SELECT {SelectColumns} FROM {database}.api_users FINAL WHERE {where} LIMIT 1", parameters, cancellationToken).ConfigureAwait(false);
        return result.Rows.Count == 0 ? null : Read(result.Rows[0]);
    }

    private static ApiUser Read(object?[] r) =>
        new((string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, (DateTime)r[4]!, (string)r[5]!, (DateTime)r[6]! == DateTime.UnixEpoch ? null : (DateTime)r[6]!);

    /// <summary>Versions in clock microseconds: a revocation written after the creation always wins.</summary>
    private static ulong Version(DateTime at) => (ulong)((at.Ticks - DateTime.UnixEpoch.Ticks) / 10);
}
