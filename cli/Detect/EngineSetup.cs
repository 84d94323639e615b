using LogSentinel.Detect;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Feedback;
using LogSentinel.Detect.Model;
using LogSentinel.Store;
using LogSentinel.Store.Alerts;

namespace LogSentinel.Cli.Detect;

/// <summary>
/// A detection engine as every detecting role builds it, so replay, <c>run</c> and <c>detect</c> judge alike: the
/// stored reference data, the promoted and shadow models, and analysts' verdicts on closed alerts.
/// </summary>
internal sealed record EngineSetup(DetectionEngine Engine, BehaviourModels Models, FeedbackSet Feedback)
{
    /// <summary>Makes more engines judging alike (one per partition of the internal topics); they share the reference data, models and feedback, so use them on one thread.</summary>
    public Func<DetectionEngine> NewEngine { get; private init; } = () => throw new InvalidOperationException("No engine factory.");

    public static async Task<EngineSetup> CreateAsync(ILogStore store, DetectionOptions options, CancellationToken cancellationToken)
    {
        var reference = new ReferenceData(
            await store.Reference.GetAccountsAsync(cancellationToken).ConfigureAwait(false),
            await store.Reference.GetNetworksAsync(cancellationToken).ConfigureAwait(false),
            await store.Reference.GetDelegationsAsync(cancellationToken).ConfigureAwait(false));
        var models = await new ModelCatalog(store, TimeProvider.System).LoadForDetectionAsync(cancellationToken).ConfigureAwait(false);
        var feedback = FeedbackSet.FromAlerts(
            await store.Alerts.ListAsync(new AlertQuery(Limit: int.MaxValue), cancellationToken).ConfigureAwait(false), options.Feedback);
        return new EngineSetup(new DetectionEngine(options, reference, TimeProvider.System, models, feedback), models, feedback)
        {
            NewEngine = () => new DetectionEngine(options, reference, TimeProvider.System, models, feedback),
        };
    }
}
