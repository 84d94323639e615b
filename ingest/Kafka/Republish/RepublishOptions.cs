using System.Globalization;

namespace LogSentinel.Ingest.Kafka.Republish;

/// <summary>
/// Republishing of parsed, pseudonymized events to the internal topics that partitioned <c>detect</c> members read,
/// bound from the <c>Ingest:Republish</c> section. Used by <c>ingest --kafka</c>; the brokers are those of <c>Ingest:Kafka</c>.
/// </summary>
public sealed class RepublishOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Ingest:Republish";

    /// <summary>Whether the Kafka ingest worker also produces every event it parses to the internal topics (default false).</summary>
    public bool Enabled { get; set; }

    /// <summary>Topic of events keyed by account (default <c>logsentinel.by-account</c>); events without an account are not sent to it.</summary>
    public string AccountTopic { get; set; } = "logsentinel.by-account";

    /// <summary>Topic of events keyed by client address (default <c>logsentinel.by-address</c>); events without an address are not sent to it.</summary>
    public string AddressTopic { get; set; } = "logsentinel.by-address";

    /// <summary>Topic of every event (default <c>logsentinel.wide</c>), for gateway-, API- and agency-wide windows; it must have one partition.</summary>
    public string WideTopic { get; set; } = "logsentinel.wide";

    /// <summary>
    /// Largest encoded message (default 512 KiB; 16 KiB–8 MiB): the events of one ingest batch for one partition go in
    /// one message, split into several only past this size. Keep it under the brokers' <c>message.max.bytes</c>.
    /// </summary>
    public int MaxMessageBytes { get; set; } = 512 << 10;

    /// <summary>How long a batch's messages may take to be acknowledged by all in-sync replicas (default 300,000 ms) before ingest fails.</summary>
    public int DeliveryTimeoutMs { get; set; } = 300_000;

    /// <summary>The three topics, in the order detect reads them.</summary>
    public IReadOnlyList<string> Topics => [AccountTopic, AddressTopic, WideTopic];

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        foreach (var (name, topic) in new[] { ("AccountTopic", AccountTopic), ("AddressTopic", AddressTopic), ("WideTopic", WideTopic) })
        {
            if (string.IsNullOrWhiteSpace(topic) || topic.Length > 249 || !topic.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                throw new InvalidOperationException($"{SectionName}:{name} '{topic}' is not a valid Kafka topic name.");
            }
        }

        if (Topics.Distinct(StringComparer.Ordinal).Count() != 3)
        {
            throw new InvalidOperationException($"{SectionName}: AccountTopic, AddressTopic and WideTopic must be three different topics.");
        }

        if (MaxMessageBytes is < (16 << 10) or > (8 << 20))
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"{SectionName}:MaxMessageBytes must be between 16384 and 8388608; it is {MaxMessageBytes}."));
        }

        if (DeliveryTimeoutMs is < 1_000 or > 3_600_000)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"{SectionName}:DeliveryTimeoutMs must be between 1000 and 3600000; it is {DeliveryTimeoutMs}."));
        }
    }
}
