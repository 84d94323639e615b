namespace LogSentinel.Store.Reference;

/// <summary>The three kinds of reference data; each is versioned on its own.</summary>
public enum ReferenceKind
{
    Accounts,
    Networks,
    Delegations,
}
