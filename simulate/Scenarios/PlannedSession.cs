using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate.Scenarios;

/// <summary>A session a scenario decided on while planning: who, from where, when, and how many lookups.</summary>
internal sealed record PlannedSession(Account Account, uint Ip, int UserAgent, long StartMs, long EndMs, int Lookups, bool Logout = true);
