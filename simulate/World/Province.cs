namespace LogSentinel.Simulate.World;

/// <summary>A province served by the simulated gateway.</summary>
/// <param name="CitizenCode">The 3-digit CCCD code of the province.</param>
/// <param name="Prefix">The prefix of agency codes, e.g. <c>BTH</c>.</param>
/// <param name="Short">The prefix of service account names, e.g. <c>bth</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Districts">Districts whose branches are simulated.</param>
internal sealed record Province(short CitizenCode, string Prefix, string Short, string Name, IReadOnlyList<District> Districts);
