namespace LogSentinel.Store.Alerts;

/// <summary>Which alerts to list: by type and by overlap of their first/last seen with [Since, Until].</summary>
/// <param name="Type">Only this alert type; null for all.</param>
/// <param name="Since">Only alerts last seen at or after this time; null for no bound.</param>
/// <param name="Until">Only alerts first seen at or before this time; null for no bound.</param>
/// <param name="Limit">At most this many, newest first seen last.</param>
public sealed record AlertQuery(string? Type = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null, int Limit = 10_000);
