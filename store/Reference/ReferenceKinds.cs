namespace LogSentinel.Store.Reference;

/// <summary>The names reference kinds are stored and shown under.</summary>
public static class ReferenceKinds
{
    /// <summary><c>accounts</c>, <c>networks</c> or <c>delegations</c>.</summary>
    public static string Name(ReferenceKind kind) => kind.ToString().ToLowerInvariant();
}
