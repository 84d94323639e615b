namespace LogSentinel.Store.Tuning;

/// <summary>
/// One threshold set by an operator: <paramref name="Key"/> is the setting's path under <c>Detection</c>
/// (<c>BruteForce:IpFailures</c>), <paramref name="Value"/> its value as written in configuration; with
/// <paramref name="Agency"/> it applies only to that agency's entities.
/// </summary>
public sealed record ThresholdOverride(string Key, string Value, string? Agency = null);
