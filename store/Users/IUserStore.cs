namespace LogSentinel.Store.Users;

/// <summary>API users and their hashed keys; a revocation writes a newer version of the user, so it is kept as history.</summary>
public interface IUserStore
{
    /// <summary>Adds a user; fails with <see cref="StoreException"/> when an active user has that name.</summary>
    Task AddAsync(ApiUser user, CancellationToken cancellationToken = default);

    /// <summary>Every user, active and revoked, by name.</summary>
    Task<IReadOnlyList<ApiUser>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The user holding the key with this public id, active or not; null when none.</summary>
    Task<ApiUser?> FindByKeyIdAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>Revokes the user's key; false when there is no active user of that name.</summary>
    Task<bool> RevokeAsync(string name, DateTime at, CancellationToken cancellationToken = default);
}
