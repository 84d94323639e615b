namespace LogSentinel.Store.Alerts;

/// <summary>
/// An analyst's workflow fields of an alert. They live beside the detector's rows (in <c>alert_triage</c>) so a
/// detector merging a repeat into the alert cannot reset what the analyst decided.
/// </summary>
/// <param name="AlertId">The alert.</param>
/// <param name="State"><c>new</c>, <c>investigating</c> or <c>closed</c>.</param>
/// <param name="Disposition">Set when closed: <c>true_positive</c>, <c>benign</c>, <c>false_positive</c> or <c>duplicate</c>.</param>
/// <param name="Assignee">The analyst working on it; empty for nobody.</param>
/// <param name="UpdatedBy">Who made this change.</param>
/// <param name="UpdatedAt">When (UTC).</param>
public sealed record AlertTriage(Guid AlertId, string State, string Disposition, string Assignee, string UpdatedBy, DateTime UpdatedAt);
