namespace LogSentinel.Store.Alerts;

/// <summary>One page of alerts and how many match in all.</summary>
public sealed record AlertPage(IReadOnlyList<AlertRecord> Items, long Total);
