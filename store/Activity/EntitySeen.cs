namespace LogSentinel.Store.Activity;

/// <summary>When an entity was first and last active, and how much in all; null times when never seen.</summary>
public sealed record EntitySeen(DateTime? FirstSeen, DateTime? LastSeen, ulong Requests, ulong Lookups);
