namespace LogSentinel.Store.Activity;

/// <summary>An entity's activity in one bucket of time, from the per-minute rollups.</summary>
/// <param name="Start">Start of the bucket (UTC).</param>
/// <param name="Requests">Gateway requests.</param>
/// <param name="Lookups">Citizen lookups.</param>
/// <param name="FailedLogins">Failed logins.</param>
/// <param name="Errors">Client and server errors.</param>
public sealed record ActivityPoint(DateTime Start, ulong Requests, ulong Lookups, ulong FailedLogins, ulong Errors);
