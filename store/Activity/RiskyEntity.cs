namespace LogSentinel.Store.Activity;

/// <summary>An entity ranked by the alerts it drew in a period.</summary>
/// <param name="EntityKind">Kind of entity.</param>
/// <param name="Entity">Its name.</param>
/// <param name="Agency">Its agency when known.</param>
/// <param name="Alerts">Alerts active in the period.</param>
/// <param name="MaxScore">The highest score among them.</param>
/// <param name="Risk">Sum of their scores: many and severe alerts rank first.</param>
/// <param name="Types">The alert types, sorted.</param>
public sealed record RiskyEntity(string EntityKind, string Entity, string Agency, ulong Alerts, byte MaxScore, ulong Risk, IReadOnlyList<string> Types);
