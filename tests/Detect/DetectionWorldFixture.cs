using LogSentinel.Store.Alerts;
using LogSentinel.Tests.Simulate;

namespace LogSentinel.Tests.Detect;

/// <summary>
/// A week of a 200-account province with every scenario switched on (the outage at low intensity, to keep the
/// flood small; the unknown address on a Friday evening, once its victim has a few working days of history) and its benign twin (same seed, no attack), each replayed once into its own database.
/// </summary>
public sealed class DetectionWorldFixture : IAsyncLifetime
{
    public const string Scenarios =
        "scripted_bulk_lookup,unknown_source@2024-01-05T20:00,account_sharing,many_accounts_one_source,weak_credentials,departed_account_use,brute_force,outage:low";

    internal SimulatedRun Attack { get; } = SimulatedRun.Create(days: 7, accounts: 200, Scenarios, seed: 5);

    internal SimulatedRun Benign { get; } = SimulatedRun.Create(days: 7, accounts: 200, "none", seed: 5);

    internal string AttackDatabase { get; private set; } = string.Empty;

    internal IReadOnlyList<AlertRecord> AttackAlerts { get; private set; } = [];

    internal IReadOnlyList<AlertRecord> BenignAlerts { get; private set; } = [];

    internal string AttackOutput { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        (AttackDatabase, AttackOutput, AttackAlerts) = await DetectionReplay.RunAsync(Attack);
        (_, _, BenignAlerts) = await DetectionReplay.RunAsync(Benign);
    }

    public Task DisposeAsync()
    {
        Attack.Dispose();
        Benign.Dispose();
        return Task.CompletedTask;
    }
}
