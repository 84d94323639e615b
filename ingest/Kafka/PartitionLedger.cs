using System.Globalization;
using LogSentinel.Store.State;
using Polly;

namespace LogSentinel.Ingest.Kafka;

/// <summary>
/// How far writes have started, per partition, kept in the store's state table under
/// <c>ingest/kafka/&lt;group&gt;/&lt;topic&gt;/&lt;partition&gt;</c>. The mark is raised before a batch is written, so after
/// a crash every message at or below it may already be stored and is written again with duplicates dropped; messages
/// above it are new and are written straight. Committed offsets alone cannot tell: a crash between the write and the
/// commit re-delivers messages that are stored.
/// </summary>
internal sealed class PartitionLedger(IStateStore state, string groupId, IReadOnlyList<KafkaTopicSource> topics)
{
    private readonly Dictionary<PartitionKey, long> _startedUpTo = [];
    private readonly HashSet<PartitionKey> _forgotten = [];
    private readonly Lock _gate = new();

    public string Key(PartitionKey partition) =>
        string.Create(CultureInfo.InvariantCulture, $"ingest/kafka/{groupId}/{topics[partition.Topic].Topic}/{partition.Partition}");

    /// <summary>Forgets what is known of <paramref name="partitions"/>: read again from the store at their next batch (another member may have written since).</summary>
    public void Forget(IEnumerable<PartitionKey> partitions)
    {
        lock (_gate)
        {
            foreach (var partition in partitions)
            {
                _startedUpTo.Remove(partition);
                _forgotten.Add(partition);
            }
        }
    }

    /// <summary>
    /// Raises the marks of the batch's partitions (first reading the marks not known yet) and says whether the batch
    /// may already be stored in part: whether any of its messages is at or below its partition's previous mark.
    /// </summary>
    public async Task<bool> MarkWriteStartingAsync(IReadOnlyDictionary<PartitionKey, OffsetRange> batch, ResiliencePipeline retry, CancellationToken cancellationToken)
    {
        var mayAlreadyBeStored = false;
        var raised = new Dictionary<string, string>(StringComparer.Ordinal);
        var raisedMarks = new List<(PartitionKey, long)>();
        foreach (var (partition, range) in batch)
        {
            var mark = await MarkAsync(partition, retry, cancellationToken).ConfigureAwait(false);
            mayAlreadyBeStored |= range.First <= mark;
            if (range.Last > mark)
            {
                raised[Key(partition)] = range.Last.ToString(CultureInfo.InvariantCulture);
                raisedMarks.Add((partition, range.Last));
            }
        }

        if (raised.Count > 0)
        {
            await retry.ExecuteAsync(async token => await state.SetAsync(raised, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                foreach (var (partition, mark) in raisedMarks)
                {
                    _startedUpTo[partition] = mark;
                }
            }
        }

        return mayAlreadyBeStored;
    }

    private async Task<long> MarkAsync(PartitionKey partition, ResiliencePipeline retry, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_startedUpTo.TryGetValue(partition, out var known))
            {
                return known;
            }
        }

        // One query reads the marks of every partition of the group: after an assignment of a hundred partitions
        // that is one round trip instead of a hundred.
        var prefix = $"ingest/kafka/{groupId}/";
        var stored = await retry.ExecuteAsync(async token => await state.GetByPrefixAsync(prefix, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            // Every partition forgotten so far is refreshed by the same read.
            _forgotten.Add(partition);
            foreach (var key in _forgotten)
            {
                _startedUpTo[key] = stored.TryGetValue(Key(key), out var value)
                    && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var mark) ? mark : -1;
            }

            _forgotten.Clear();
            return _startedUpTo[partition];
        }
    }
}
