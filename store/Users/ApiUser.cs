namespace LogSentinel.Store.Users;

/// <summary>An API user: a name, one role, and the hash of the key it authenticates with (the key itself is never kept).</summary>
/// <param name="Name">Unique user name.</param>
/// <param name="Role"><c>analyst</c>, <c>operator</c>, <c>admin</c>, <c>leader</c> or <c>auditor</c>.</param>
/// <param name="KeyId">The public part of the key, to find the user without scanning hashes.</param>
/// <param name="KeyHash">Lower-case hex SHA-256 of the whole key.</param>
/// <param name="CreatedAt">When created (UTC).</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="RevokedAt">When revoked (UTC); null while the key works.</param>
public sealed record ApiUser(string Name, string Role, string KeyId, string KeyHash, DateTime CreatedAt, string CreatedBy, DateTime? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}
