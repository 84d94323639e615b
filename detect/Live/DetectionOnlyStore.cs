using LogSentinel.Store;
using LogSentinel.Store.DeadLetters;
using LogSentinel.Store.Events;

namespace LogSentinel.Detect.Live;

/// <summary>
/// The store as the <c>detect</c> role sees it. Beside an <c>ingest</c> group that stores the events and dead
/// letters, <c>detect</c> reads the same topics in a group of its own only to detect: its event and dead-letter
/// writes are dropped here, while alerts, checkpoints and its consumer ledger go to the real store.
/// </summary>
public sealed class DetectionOnlyStore(ILogStore inner) : DelegatingLogStore(inner)
{
    private readonly IDeadLetterStore _deadLetters = new NoDeadLetterWrites(inner.DeadLetters);

    public override IDeadLetterStore DeadLetters => _deadLetters;

    public override Task<long> InsertGatewayEventsAsync(GatewayEventBatch batch, CancellationToken cancellationToken = default) =>
        Task.FromResult((long)(batch ?? throw new ArgumentNullException(nameof(batch))).Count);

    public override Task<long> InsertAppEventsAsync(AppEventBatch batch, CancellationToken cancellationToken = default) =>
        Task.FromResult((long)(batch ?? throw new ArgumentNullException(nameof(batch))).Count);

    /// <summary>Nothing is written here, so nothing a re-delivery carries is "already stored" by this role.</summary>
    public override Task<IReadOnlySet<ulong>> FindStoredEventKeysAsync(
        EventTable table, long fromUnixMs, long toUnixMs, IReadOnlyCollection<ulong> keys, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlySet<ulong>>(new HashSet<ulong>());

    private sealed class NoDeadLetterWrites(IDeadLetterStore inner) : IDeadLetterStore
    {
        public Task InsertAsync(IReadOnlyCollection<DeadLetter> letters, bool skipStored = false, CancellationToken cancellationToken = default) =>
            Task.CompletedTask;

        public Task<IReadOnlyList<DeadLetter>> ListAsync(DeadLetterQuery query, CancellationToken cancellationToken = default) =>
            inner.ListAsync(query, cancellationToken);

        public Task<IReadOnlyDictionary<string, ulong>> CountByReasonAsync(CancellationToken cancellationToken = default) =>
            inner.CountByReasonAsync(cancellationToken);

        public Task RecordRedrivesAsync(IReadOnlyCollection<DeadLetterRedrive> redrives, CancellationToken cancellationToken = default) =>
            inner.RecordRedrivesAsync(redrives, cancellationToken);
    }
}
