using LogSentinel.Detect.Evaluation;
using LogSentinel.Store;
using LogSentinel.Tests.Detect;
using LogSentinel.Tests.Infrastructure;
using LogSentinel.Tests.Simulate;

namespace LogSentinel.Tests.Behaviour;

/// <summary>
/// A simulated world with attacks and its benign twin, each replayed once and compared with the labels by the same
/// evaluation as <c>logsentinel evaluate</c>.
/// </summary>
public abstract class EvaluatedWorldFixture : IAsyncLifetime
{
    private protected EvaluatedWorldFixture(SimulatedRun attack, SimulatedRun benign)
    {
        Attack = attack;
        Benign = benign;
    }

    internal SimulatedRun Attack { get; }

    internal SimulatedRun Benign { get; }

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
