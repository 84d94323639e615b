namespace LogSentinel.Detect.Alerts;

/// <summary>One feature that decided an alert: what was observed against what is expected of normal use.</summary>
/// <param name="Name">Feature name, snake_case, e.g. <c>failed_logins_10m</c>.</param>
/// <param name="Observed">The value observed.</param>
/// <param name="Expected">The threshold or baseline of normal use.</param>
/// <param name="Comparison">How observed was held against expected: <c>&gt;=</c>, <c>&lt;=</c>, <c>==</c> or <c>!=</c>.</param>
public sealed record AlertFeature(string Name, double Observed, double Expected, string Comparison);
