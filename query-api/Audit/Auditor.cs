using LogSentinel.QueryApi.Security;
using LogSentinel.Store;
using LogSentinel.Store.Audit;
using Microsoft.AspNetCore.Http;

namespace LogSentinel.QueryApi.Audit;

/// <summary>
/// Appends to the audit trail before the response leaves: a read of evidence that cannot be recorded is not served,
/// so the trail holds up.
/// </summary>
internal sealed class Auditor(ILogStore store, TimeProvider time)
{
    public Task RecordAsync(HttpContext context, string action, string target, string detail = "") =>
        store.Audit.AppendAsync(
            [new AuditEntry(time.GetUtcNow().UtcDateTime, context.UserName(), context.Role(), action, target, detail, context.RemoteAddress())],
            context.RequestAborted);
}
