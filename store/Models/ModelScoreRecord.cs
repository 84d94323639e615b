namespace LogSentinel.Store.Models;

/// <summary>What a shadow model said about one window.</summary>
public sealed record ModelScoreRecord(uint ModelId, string EntityKind, string Entity, DateTime WindowStart, double Score, bool OverThreshold);
