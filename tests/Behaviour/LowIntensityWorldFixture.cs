using LogSentinel.Tests.Simulate;

namespace LogSentinel.Tests.Behaviour;

/// <summary>
/// A fortnight of a 150-account province with every rule scenario at low intensity, and its benign twin.
/// low_and_slow is left out: its drift test needs a week of an account's history and a week of the shift, more than
/// this fortnight (10 days) holds; LowAndSlowWorldFixture replays a month for it.
/// </summary>
public sealed class LowIntensityWorldFixture() : EvaluatedWorldFixture(
    SimulatedRun.Create(days: 10, accounts: 150, Scenarios, seed: 11),
    SimulatedRun.Create(days: 10, accounts: 150, "none", seed: 11))
{
    public const string Scenarios =
        "scripted_bulk_lookup:low,unknown_source:low@2024-01-05T20:00,account_sharing:low,many_accounts_one_source:low,weak_credentials:low,departed_account_use:low,brute_force:low,outage:low";
}
