using Confluent.Kafka;
using LogSentinel.Ingest.Parsing;

namespace LogSentinel.Ingest.Kafka;

/// <summary>Format detection of topics configured as <c>auto</c>: their first messages are held until enough lines vote.</summary>
public sealed partial class KafkaIngestWorker
{
    /// <summary>Holds a message of a topic whose format is still unknown, and detects it once enough lines are in.</summary>
    private void Hold(KafkaTopicSource topic, int partition, long offset, byte[]? value)
    {
        if (topic.Held.Count == 0)
        {
            topic.HeldSince = _time.GetTimestamp();
        }

        topic.Held.Add(new HeldMessage(partition, offset, value));
        topic.HeldBytes += value?.Length ?? 0;
        if (value is { Length: > 0 })
        {
            topic.HeldLines += 1 + value.AsSpan().Count((byte)'\n');
        }

        if (topic.HeldLines >= LogFormatDetector.DefaultSampleLines || topic.HeldBytes >= DetectionBytes || topic.Held.Count >= DetectionMaxMessages)
        {
            Detect(topic);
        }
    }

    /// <summary>A quiet topic may never reach the sample size: detect from what it sent once a batch's wait has passed.</summary>
    private void DetectStaleHeldTopics()
    {
        foreach (var topic in _topics)
        {
            // Empty messages alone cannot tell a format: keep them until a line arrives.
            if (topic.Format is null && topic.HeldLines > 0
                && _time.GetElapsedTime(topic.HeldSince).TotalMilliseconds >= Math.Max(_ingestOptions.BatchMaxWaitMs, 1000))
            {
                Detect(topic);
            }
        }
    }

    private void Detect(KafkaTopicSource topic)
    {
        var head = new List<byte>(Math.Min(topic.HeldBytes + topic.Held.Count, DetectionBytes));
        foreach (var held in topic.Held)
        {
            if (head.Count >= DetectionBytes)
            {
                break;
            }

            head.AddRange(held.Value ?? []);
            head.Add((byte)'\n');
        }

        var format = LogFormatDetector.Detect(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(head));
        if (format == LogFormat.Unknown)
        {
            throw new InvalidDataException(
                $"The format of topic '{topic.Topic}' could not be recognised from its first {topic.Held.Count} messages; " +
                $"set {KafkaSourceOptions.SectionName}:Topics:{topic.Topic} to gateway-json, gateway-combined or app-json.");
        }

        topic.Format = format;
        LogMessages.FormatDetected(_logger, topic.Topic, format);
        foreach (var held in topic.Held)
        {
            AddMessage(topic, format, held.Partition, held.Offset, held.Value);
        }

        DropHeld(topic);
    }

    private static void DropHeld(KafkaTopicSource topic)
    {
        topic.Held.Clear();
        topic.HeldLines = 0;
        topic.HeldBytes = 0;
    }
}
