using System.CommandLine;
using LogSentinel.Cli.Hosting;
using LogSentinel.Detect;
using LogSentinel.QueryApi.Tuning;
using LogSentinel.Store;
using LogSentinel.Store.Tuning;

namespace LogSentinel.Cli.Tuning;

/// <summary>
/// Where <c>tune</c> reads and writes tuning: through the API of a running process that holds the data directory
/// (<c>serve</c>, <c>run</c>, <c>demo</c>; the change is then made and audited as its local administrator), else on
/// the store directly. Both give the commands the same versions, so their output is the same.
/// </summary>
internal abstract class TuningAccess : IAsyncDisposable
{
    public static async Task<TuningAccess> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (RunningServer.Find(parse) is { } server)
        {
            return new ThroughApi(server);
        }

        var store = StoreOpener.Open(parse);
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new OnStore(store);
    }

    public abstract Task<TuningVersion> GetCurrentAsync(CancellationToken cancellationToken);

    public abstract Task<TuningVersion?> GetVersionAsync(ulong version, CancellationToken cancellationToken);

    /// <summary>Every version, newest first.</summary>
    public abstract Task<IReadOnlyList<TuningVersion>> GetHistoryAsync(CancellationToken cancellationToken);

    public abstract Task<TuningVersion> SaveAsync(TuningChange change, CancellationToken cancellationToken);

    public abstract Task<TuningVersion> RevertAsync(ulong version, ulong basedOn, string actor, string reason, CancellationToken cancellationToken);

    /// <summary>The preview of <paramref name="thresholds"/> laid over <paramref name="document"/> (null: the current one).</summary>
    public abstract Task<TuningPreviewView> PreviewAsync(
        DetectionOptions configured, TuningDocument? document, IReadOnlyList<ThresholdOverride> thresholds, int days, IProgress<long> progress, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    private sealed class OnStore(ILogStore store) : TuningAccess
    {
        public override Task<TuningVersion> GetCurrentAsync(CancellationToken cancellationToken) => store.Tuning.GetCurrentAsync(cancellationToken);

        public override Task<TuningVersion?> GetVersionAsync(ulong version, CancellationToken cancellationToken) => store.Tuning.GetVersionAsync(version, cancellationToken);

        public override Task<IReadOnlyList<TuningVersion>> GetHistoryAsync(CancellationToken cancellationToken) => store.Tuning.GetHistoryAsync(cancellationToken);

        public override Task<TuningVersion> SaveAsync(TuningChange change, CancellationToken cancellationToken) => store.Tuning.SaveAsync(change, cancellationToken);

        public override Task<TuningVersion> RevertAsync(ulong version, ulong basedOn, string actor, string reason, CancellationToken cancellationToken) =>
            store.Tuning.RevertAsync(version, basedOn, actor, reason, cancellationToken);

        public override async Task<TuningPreviewView> PreviewAsync(
            DetectionOptions configured, TuningDocument? document, IReadOnlyList<ThresholdOverride> thresholds, int days, IProgress<long> progress, CancellationToken cancellationToken)
        {
            var current = await store.Tuning.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
            var proposed = TuningProposal.Apply(document ?? current.Document, thresholds);
            var result = await TuningProposal.RunAsync(store, configured, proposed, days, progress, cancellationToken).ConfigureAwait(false);
            return TuningPreviewView.Of(result, days, thresholds);
        }

        public override ValueTask DisposeAsync() => store.DisposeAsync();
    }

    private sealed class ThroughApi(RunningServer server) : TuningAccess
    {
        public override async Task<TuningVersion> GetCurrentAsync(CancellationToken cancellationToken) =>
            ToVersion(await server.SendAsync<TuningVersionView>(HttpMethod.Get, "/api/tuning", null, cancellationToken).ConfigureAwait(false));

        public override async Task<TuningVersion?> GetVersionAsync(ulong version, CancellationToken cancellationToken)
        {
            // The history holds every version; a missing one is null as on the store (the API answers 404).
            var history = await GetHistoryAsync(cancellationToken).ConfigureAwait(false);
            return version == 0 ? TuningVersion.Initial : history.FirstOrDefault(v => v.Version == version);
        }

        public override async Task<IReadOnlyList<TuningVersion>> GetHistoryAsync(CancellationToken cancellationToken) =>
            [.. (await server.ListAllAsync<TuningVersionView>("/api/tuning/versions?sort=version&order=desc", cancellationToken).ConfigureAwait(false)).Select(ToVersion)];

        public override async Task<TuningVersion> SaveAsync(TuningChange change, CancellationToken cancellationToken)
        {
            // The API records its caller (the local administrator) as the actor; the operating-system user stays in the change line.
            var request = new SaveTuningRequest(change.Document, change.BasedOn, change.Reason, $"{change.Change} (logsentinel tune by {change.Actor})");
            return ToVersion(await server.SendAsync<TuningVersionView>(HttpMethod.Post, "/api/tuning", request, cancellationToken).ConfigureAwait(false));
        }

        public override async Task<TuningVersion> RevertAsync(ulong version, ulong basedOn, string actor, string reason, CancellationToken cancellationToken) =>
            ToVersion(await server.SendAsync<TuningVersionView>(HttpMethod.Post, "/api/tuning/revert", new RevertTuningRequest(version, basedOn, reason), cancellationToken)
                .ConfigureAwait(false));

        public override Task<TuningPreviewView> PreviewAsync(
            DetectionOptions configured, TuningDocument? document, IReadOnlyList<ThresholdOverride> thresholds, int days, IProgress<long> progress, CancellationToken cancellationToken) =>
            server.SendAsync<TuningPreviewView>(HttpMethod.Post, "/api/tuning/preview", new TuningPreviewRequest(thresholds, document, days), cancellationToken);

        public override ValueTask DisposeAsync()
        {
            server.Dispose();
            return ValueTask.CompletedTask;
        }

        private static TuningVersion ToVersion(TuningVersionView v) =>
            new(v.Version, v.WrittenAt.UtcDateTime, v.Actor, v.Reason, v.Change, v.BasedOn, v.RevertedTo, v.Document);
    }
}
