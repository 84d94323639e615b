namespace LogSentinel.Store.Audit;

/// <summary>One line of the audit trail: who did or read what, when and from where.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="Actor">The user (API key name, token subject, or the operating-system user of a command).</param>
/// <param name="Role">The role the actor acted in.</param>
/// <param name="Action">What, e.g. <c>alert.evidence.read</c>, <c>alert.transition</c>.</param>
/// <param name="Target">What it was done to, e.g. an alert id.</param>
/// <param name="Detail">Free text: the change made, the filter used.</param>
/// <param name="RemoteAddress">The caller's address; empty for local commands.</param>
public sealed record AuditEntry(DateTime At, string Actor, string Role, string Action, string Target, string Detail, string RemoteAddress);
