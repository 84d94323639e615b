namespace LogSentinel.Store.Alerts;

/// <summary>One line of an alert's append-only history (raised, merged, assigned, closed...).</summary>
/// <param name="AlertId">The alert.</param>
/// <param name="At">Wall-clock time of the action (UTC).</param>
/// <param name="Actor">Who acted: a user or <c>detector</c>.</param>
/// <param name="Action">What happened, e.g. <c>raised</c>, <c>merged</c>.</param>
/// <param name="FromState">State before.</param>
/// <param name="ToState">State after.</param>
/// <param name="Detail">Free text.</param>
public sealed record AlertHistoryEntry(Guid AlertId, DateTime At, string Actor, string Action, string FromState, string ToState, string Detail);
