using Confluent.Kafka;

namespace LogSentinel.Ingest.Kafka;

/// <summary>Partitions assigned, revoked and lost, and Kafka errors; all called on the consumer thread from within Consume.</summary>
public sealed partial class KafkaIngestWorker
{
    private IEnumerable<TopicPartitionOffset> OnAssigned(IConsumer<Ignore, byte[]> consumer, List<TopicPartition> partitions)
    {
        var keys = Keys(partitions);
        foreach (var key in keys)
        {
            _assigned.Add(key);
        }

        // Another member may have written these partitions since this worker last had them.
        _ledger.Forget(keys);
        _assignmentChanged = true;
        Stats.SetPartitions(_assigned.Count);
        LogMessages.PartitionsAssigned(_logger, partitions);
        var starts = new Dictionary<TopicPartition, Offset>();
        if (Observer?.OnAssigned(partitions) is { } resumed)
        {
            foreach (var start in resumed)
            {
                starts[start.TopicPartition] = start.Offset;
            }
        }

        var offsets = new List<TopicPartitionOffset>(partitions.Count);
        foreach (var partition in partitions)
        {
            // Unset: the committed offset, or auto.offset.reset without one.
            offsets.Add(new TopicPartitionOffset(partition, starts.TryGetValue(partition, out var offset) ? offset : Offset.Unset));
        }

        return offsets;
    }

    private void OnRevoked(IConsumer<Ignore, byte[]> consumer, List<TopicPartitionOffset> partitions)
    {
        var keys = Keys(partitions);
        LogMessages.PartitionsRevoked(_logger, partitions);
        // Held messages are not in any batch and their offsets are not stored: the next owner reads them again.
        DropHeld(keys);
        if (_fatalError is null && !_writesAbandoned && Touches(keys))
        {
            // The batch mixes partitions, so all of it is written; offsets are stored while the partitions are still ours.
            FlushBlocking();
        }

        Unassign(keys);
        Observer?.OnUnassigned(Partitions(partitions));
    }

    private void OnLost(IConsumer<Ignore, byte[]> consumer, List<TopicPartitionOffset> partitions)
    {
        var keys = Keys(partitions);
        Unassign(keys);
        DropHeld(keys);
        var dropped = 0;
        var current = _offsets[_current];
        if (keys.Exists(current.Contains))
        {
            // The partitions already belong to another member: nothing of them may be written or stored any more.
            // The batch cannot be split by partition, so it is dropped whole and the partitions still ours are read
            // again from their first dropped message.
            foreach (var (key, range) in current.Ranges)
            {
                if (_assigned.Contains(key))
                {
                    _rewind.Add(new TopicPartitionOffset(_topics[key.Topic].Topic, key.Partition, range.First));
                }
            }

            dropped = _batches[_current].Lines;
            _batches[_current].Clear();
            _messageRows[_current].Clear();
            current.Clear();
        }

        Observer?.OnUnassigned(Partitions(partitions));

        LogMessages.PartitionsLost(_logger, partitions, dropped);
    }

    private void OnError(IConsumer<Ignore, byte[]> consumer, Error error)
    {
        if (error.IsFatal)
        {
            _fatalError = error;
            LogMessages.FatalKafkaError(_logger, error.Code, error.Reason);
        }
        else
        {
            LogMessages.KafkaError(_logger, error.Code, error.Reason);
        }
    }

    private bool Touches(List<PartitionKey> keys)
    {
        var pendingOffsets = _pending is null ? null : _offsets[_pending.Slot];
        foreach (var key in keys)
        {
            if (_offsets[_current].Contains(key) || (pendingOffsets?.Contains(key) ?? false))
            {
                return true;
            }
        }

        return false;
    }

    private void Unassign(List<PartitionKey> keys)
    {
        foreach (var key in keys)
        {
            _assigned.Remove(key);
            _writtenNext.Remove(key);
            _storedNext.Remove(key);
        }

        _ledger.Forget(keys);
        _assignmentChanged = true;
        Stats.SetPartitions(_assigned.Count);
    }

    private void DropHeld(List<PartitionKey> keys)
    {
        foreach (var topic in _topics)
        {
            if (topic.Held.Count > 0)
            {
                topic.Held.RemoveAll(m => keys.Contains(new PartitionKey(topic.Index, m.Partition)));
                if (topic.Held.Count == 0)
                {
                    DropHeld(topic);
                }
            }
        }
    }

    private void ApplyRewinds()
    {
        if (_rewind.Count == 0)
        {
            return;
        }

        foreach (var position in _rewind)
        {
            try
            {
                _consumer!.Seek(position);
            }
            catch (KafkaException ex)
            {
                LogMessages.ConsumeFailed(_logger, position.Topic, position.Partition.Value, position.Offset.Value, ex.Error.Reason);
            }
        }

        _rewind.Clear();
    }

    private List<PartitionKey> Keys(IEnumerable<TopicPartition> partitions)
    {
        var keys = new List<PartitionKey>();
        foreach (var partition in partitions)
        {
            if (_topicByName.TryGetValue(partition.Topic, out var topic))
            {
                keys.Add(new PartitionKey(topic.Index, partition.Partition.Value));
            }
        }

        return keys;
    }

    private static List<TopicPartition> Partitions(List<TopicPartitionOffset> partitions)
    {
        var list = new List<TopicPartition>(partitions.Count);
        foreach (var partition in partitions)
        {
            list.Add(partition.TopicPartition);
        }

        return list;
    }

    private List<PartitionKey> Keys(IEnumerable<TopicPartitionOffset> partitions)
    {
        var list = new List<TopicPartition>();
        foreach (var partition in partitions)
        {
            list.Add(partition.TopicPartition);
        }

        return Keys(list);
    }
}
