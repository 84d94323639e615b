namespace LogSentinel.Tests.Simulate;

/// <summary>Two weeks of benign traffic only, shared by the benign-world tests.</summary>
public sealed class BenignRunFixture : IDisposable
{
    internal SimulatedRun Run { get; } = SimulatedRun.Create(days: 14, accounts: 250, "none", seed: 3);

    public void Dispose() => Run.Dispose();
}
