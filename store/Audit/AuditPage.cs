namespace LogSentinel.Store.Audit;

/// <summary>One page of the audit trail and how many lines match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, long Total);
