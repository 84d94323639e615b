namespace LogSentinel.Detect.Evaluation;

/// <summary>One ground-truth label: which entity misbehaved how, and when (a line of the simulator's <c>labels.jsonl</c> or a red team's).</summary>
public sealed record EvaluationLabel(string Scenario, string EntityKind, string Entity, DateTimeOffset Start, DateTimeOffset End, string Intensity);
