namespace LogSentinel.Store.Activity;

/// <summary>Whose activity: an account, a source address or an agency (the entities the rollups keep).</summary>
public enum ActivityEntityKind
{
    Account,
    Ip,
    Agency,
}
