namespace LogSentinel.Simulate.World;

/// <summary>A district: <paramref name="Code"/> goes into agency codes, <paramref name="Short"/> opens account names.</summary>
internal sealed record District(string Code, string Short);
