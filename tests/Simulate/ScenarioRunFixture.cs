namespace LogSentinel.Tests.Simulate;

/// <summary>Four weeks of a 300-account province with every scenario switched on, shared by the scenario tests.</summary>
public sealed class ScenarioRunFixture : IDisposable
{
    public const string Scenarios =
        "scripted_bulk_lookup:low,unknown_source:low,account_sharing:low,many_accounts_one_source:low,weak_credentials:low," +
        "departed_account_use:low,brute_force:low,outage:low,low_and_slow:medium";

    internal SimulatedRun Run { get; } = SimulatedRun.Create(days: 28, accounts: 300, Scenarios, seed: 11);

    public void Dispose() => Run.Dispose();
}
