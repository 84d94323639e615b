using LogSentinel.Ingest.Parsing;

namespace LogSentinel.Ingest.Kafka;

/// <summary>A subscribed topic: its line source (<c>kafka:&lt;topic&gt;</c>) and its format, configured or still being detected.</summary>
internal sealed class KafkaTopicSource(int index, string topic, LogFormat? format)
{
    public int Index { get; } = index;

    public string Topic { get; } = topic;

    public LineSource Source { get; } = new("kafka:" + topic);

    /// <summary>Null until detected from the first messages, for a topic configured as <c>auto</c>.</summary>
    public LogFormat? Format { get; set; } = format;

    /// <summary>Messages held back while the format is being detected.</summary>
    public List<HeldMessage> Held { get; } = [];

    public int HeldLines { get; set; }

    public int HeldBytes { get; set; }

    /// <summary>When the first held message arrived (a <see cref="TimeProvider"/> timestamp).</summary>
    public long HeldSince { get; set; }
}
