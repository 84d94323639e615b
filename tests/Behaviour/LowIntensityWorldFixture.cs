using LogSentinel.Detect.Evaluation;
using LogSentinel.Store;
using LogSentinel.Store.Alerts;
using LogSentinel.Tests.Detect;
using LogSentinel.Tests.Infrastructure;
using LogSentinel.Tests.Simulate;

namespace LogSentinel.Tests.Behaviour;

/// <summary>
/// A fortnight of a 150-account province with every rule scenario at low intensity, and its benign twin, each
/// replayed once and compared with the labels by the same evaluation as <c>logsentinel evaluate</c>.
/// low_and_slow is left out: its drift test needs a week of an account's history and a week of the shift, more than
/// this fortnight (10 days) holds; LowAndSlowWorldFixture replays a month for it.
/// </summary>
public sealed class LowIntensityWorldFixture : IAsyncLifetime
{
    public const string Scenarios =
        "scripted_bulk_lookup:low,unknown_source:low@2024-01-05T20:00,account_sharing:low,many_accounts_one_source:low,weak_credentials:low,departed_account_use:low,brute_force:low,outage:low";

    internal SimulatedRun Attack { get; } = SimulatedRun.Create(days: 10, accounts: 150, Scenarios, seed: 11);

    internal SimulatedRun Benign { get; } = SimulatedRun.Create(days: 10, accounts: 150, "none", seed: 11);

    internal QualityReport AttackReport { get; private set; } = null!;

    internal QualityReport BenignReport { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        AttackReport = await EvaluateAsync(Attack);
        BenignReport = await EvaluateAsync(Benign);
    }

    public Task DisposeAsync()
    {
        Attack.Dispose();
        Benign.Dispose();
        return Task.CompletedTask;
    }

    private static async Task<QualityReport> EvaluateAsync(SimulatedRun run)
    {
        var (database, _, alerts) = await DetectionReplay.RunAsync(run);
        await using var store = StoreFactory.Open(SharedEngine.Options(database));
        var days = await store.Baselines.CountActiveEntityDaysAsync(TimeSpan.FromHours(7));
        return QualityEvaluator.Evaluate(LabelFile.Read(Path.Combine(run.Directory, "labels.jsonl")), alerts, days, TimeSpan.FromHours(1));
    }
}
