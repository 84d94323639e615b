namespace LogSentinel.Store.Models;

/// <summary>How a model scored in shadow: windows scored, windows over its threshold, and the entities they belong to.</summary>
public sealed record ModelScoreSummary(uint ModelId, ulong Windows, ulong OverThreshold, ulong EntitiesOverThreshold);
