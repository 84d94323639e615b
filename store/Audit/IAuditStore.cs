namespace LogSentinel.Store.Audit;

/// <summary>The append-only audit trail (<c>audit_log</c>): there is no operation to change or remove a line.</summary>
public interface IAuditStore
{
    Task AppendAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken = default);

    Task<AuditPage> SearchAsync(AuditSearch search, CancellationToken cancellationToken = default);
}
