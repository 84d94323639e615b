namespace LogSentinel.Simulate.Scenarios;

/// <summary>One line of <c>labels.jsonl</c>: which entity misbehaves how, and when.</summary>
/// <param name="Scenario">Scenario name, e.g. <c>brute_force</c>.</param>
/// <param name="EntityKind"><c>account</c>, <c>ip</c>, <c>agency</c> or <c>gateway</c>.</param>
/// <param name="Entity">The account name, address, agency code or gateway name.</param>
/// <param name="Start">First moment of the scenario's traffic (local time, +07:00).</param>
/// <param name="End">Last moment of the scenario's traffic.</param>
/// <param name="Intensity"><c>low</c>, <c>medium</c> or <c>high</c>.</param>
public sealed record GroundTruthLabel(string Scenario, string EntityKind, string Entity, DateTimeOffset Start, DateTimeOffset End, string Intensity);
