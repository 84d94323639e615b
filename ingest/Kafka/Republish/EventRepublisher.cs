using System.Globalization;
using Confluent.Kafka;
using LogSentinel.Store.Events;

namespace LogSentinel.Ingest.Kafka.Republish;

/// <summary>
/// Produces parsed events to the internal topics (the Kafka Streams repartitioning pattern): by account and by client
/// address to the partition <see cref="KeyPartitioner"/> gives the key, and every event to the one partition of the
/// wide topic. One message per (group of events released together, partition), split only past
/// <see cref="RepublishOptions.MaxMessageBytes"/>. The producer is idempotent with acks from all in-sync replicas, and
/// <see cref="PublishAsync"/> ends only once every message is acknowledged. <see cref="RepublishMerge"/> decides the
/// order and holds the source offsets back until delivery.
/// </summary>
public sealed class EventRepublisher : IDisposable
{
    private readonly RepublishOptions _options;
    private readonly IProducer<Null, byte[]> _producer;
    private readonly MessageBuffer _buffer = new();
    private int _accountPartitions;
    private int _addressPartitions;
    private long _events;
    private long _messages;
    private long _bytes;

    public EventRepublisher(KafkaSourceOptions kafka, RepublishOptions options)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        var config = new ProducerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            ClientId = "logsentinel-republish",
            // Acknowledged by every in-sync replica, without duplicates from the producer's own retries.
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
            MessageTimeoutMs = options.DeliveryTimeoutMs,
            MessageMaxBytes = Math.Max(1_000_000, options.MaxMessageBytes + (64 << 10)),
        };
        KafkaConsumerConfigFactory.ApplySecurity(config, kafka);

        _producer = new ProducerBuilder<Null, byte[]>(config).Build();
    }

    /// <summary>Events republished (each counted once, however many topics it went to).</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>Messages acknowledged.</summary>
    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Bytes of messages acknowledged.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>One event encoded for the internal topics, with the partitions its keys go to (-1: no such key).</summary>
    internal PendingEvent EncodeGateway(GatewayEventBatch batch, int row, long offset)
    {
        EnsurePartitionCounts();
        _buffer.Clear();
        EventMessageCodec.WriteGateway(_buffer, batch, row);
        return new PendingEvent(
            batch.TimestampMs[row], offset, _buffer.ToArray(), AccountPartition(batch.Account[row]), AddressPartition(batch.ClientIp[row]));
    }

    /// <inheritdoc cref="EncodeGateway"/>
    internal PendingEvent EncodeApp(AppEventBatch batch, int row, long offset)
    {
        EnsurePartitionCounts();
        _buffer.Clear();
        EventMessageCodec.WriteApp(_buffer, batch, row);
        return new PendingEvent(
            batch.TimestampMs[row], offset, _buffer.ToArray(), AccountPartition(batch.Account[row]), AddressPartition(batch.ClientIp[row]));
    }

    /// <summary>
    /// Groups <paramref name="events"/> (in the order they are to be read) into one message per partition of each
    /// internal topic they belong to, split only past <see cref="RepublishOptions.MaxMessageBytes"/>.
    /// </summary>
    internal List<(TopicPartition Target, byte[] Value)> ToMessages(IReadOnlyList<PendingEvent> events)
    {
        EnsurePartitionCounts();
        var messages = new List<(TopicPartition, byte[])>();
        if (events.Count == 0)
        {
            return messages;
        }

        var byAccount = new List<PendingEvent>?[_accountPartitions];
        var byAddress = new List<PendingEvent>?[_addressPartitions];
        foreach (var e in events)
        {
            if (e.AccountPartition >= 0)
            {
                (byAccount[e.AccountPartition] ??= []).Add(e);
            }

            if (e.AddressPartition >= 0)
            {
                (byAddress[e.AddressPartition] ??= []).Add(e);
            }
        }

        for (var p = 0; p < byAccount.Length; p++)
        {
            if (byAccount[p] is { } list)
            {
                Write(messages, new TopicPartition(_options.AccountTopic, p), list);
            }
        }

        for (var p = 0; p < byAddress.Length; p++)
        {
            if (byAddress[p] is { } list)
            {
                Write(messages, new TopicPartition(_options.AddressTopic, p), list);
            }
        }

        Write(messages, new TopicPartition(_options.WideTopic, 0), events);
        Interlocked.Add(ref _events, events.Count);
        return messages;
    }

    /// <summary>Produces the messages and returns once every one is acknowledged; throws when one cannot be delivered.</summary>
    public async Task PublishAsync(IReadOnlyList<(TopicPartition Target, byte[] Value)> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var deliveries = new Task<DeliveryResult<Null, byte[]>>[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            deliveries[i] = _producer.ProduceAsync(messages[i].Target, new Message<Null, byte[]> { Value = messages[i].Value }, cancellationToken);
        }

        try
        {
            await Task.WhenAll(deliveries).ConfigureAwait(false);
        }
        catch (ProduceException<Null, byte[]> ex)
        {
            throw new KafkaException(new Error(ex.Error.Code, string.Create(
                CultureInfo.InvariantCulture, $"Republishing to {ex.DeliveryResult?.TopicPartition} failed: {ex.Error.Reason}; the batch's source offsets are not committed.")));
        }

        foreach (var (_, value) in messages)
        {
            Interlocked.Increment(ref _messages);
            Interlocked.Add(ref _bytes, value.Length);
        }
    }

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(10));
        _producer.Dispose();
    }

    private int AccountPartition(ReadOnlySpan<byte> account) => account.IsEmpty ? -1 : KeyPartitioner.ForAccount(account, _accountPartitions);

    private int AddressPartition(UInt128 address) => address == UInt128.Zero ? -1 : KeyPartitioner.ForAddress(address, _addressPartitions);

    private void Write(List<(TopicPartition, byte[])> messages, TopicPartition target, IReadOnlyList<PendingEvent> events)
    {
        var message = new MessageBuffer();
        EventMessageCodec.Begin(message);
        var count = 0;
        foreach (var e in events)
        {
            if (count > 0 && message.Length + e.Encoded.Length > _options.MaxMessageBytes)
            {
                EventMessageCodec.Finish(message, count);
                messages.Add((target, message.ToArray()));
                EventMessageCodec.Begin(message);
                count = 0;
            }

            message.Raw(e.Encoded);
            count++;
        }

        EventMessageCodec.Finish(message, count);
        messages.Add((target, message.ToArray()));
    }

    /// <summary>Reads the internal topics' partition counts once: the key-to-partition mapping must not change while running.</summary>
    private void EnsurePartitionCounts()
    {
        if (_accountPartitions > 0)
        {
            return;
        }

        using var admin = new DependentAdminClientBuilder(_producer.Handle).Build();
        _accountPartitions = PartitionCount(admin, _options.AccountTopic);
        _addressPartitions = PartitionCount(admin, _options.AddressTopic);
        _ = PartitionCount(admin, _options.WideTopic);
    }

    private static int PartitionCount(IAdminClient admin, string topic)
    {
        var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(30));
        var found = metadata.Topics.Find(t => t.Topic == topic);
        if (found is null || found.Error.IsError || found.Partitions.Count == 0)
        {
            throw new InvalidOperationException(
                $"The internal topic '{topic}' of {RepublishOptions.SectionName} is not available ({found?.Error.Reason ?? "not in the brokers' metadata"}); create it before enabling republishing.");
        }

        return found.Partitions.Count;
    }
}
