using System.Globalization;
using LogSentinel.Ingest.Parsing;

namespace LogSentinel.Ingest.Kafka;

/// <summary>The Kafka source of the ingest role, bound from the <c>Ingest:Kafka</c> section.</summary>
public sealed class KafkaSourceOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Ingest:Kafka";

    /// <summary>Default of <see cref="GroupId"/>.</summary>
    public const string DefaultGroupId = "logsentinel-ingest";

    /// <summary>Brokers, <c>host:port</c> separated by commas. No default: required.</summary>
    public string? BootstrapServers { get; set; }

    /// <summary>The consumer group (default <c>logsentinel-ingest</c>). Ingest processes of one deployment share it and split the partitions.</summary>
    public string GroupId { get; set; } = DefaultGroupId;

    /// <summary>
    /// Topic name to format name (<c>gateway-json</c>, <c>gateway-combined</c>, <c>app-json</c>); an empty format or
    /// <c>auto</c> is detected from the topic's first messages. No default: at least one topic is required.
    /// </summary>
    public Dictionary<string, string> Topics { get; set; } = new(StringComparer.Ordinal);

    /// <summary><c>Plaintext</c> (default), <c>Ssl</c>, <c>SaslPlaintext</c> or <c>SaslSsl</c>.</summary>
    public string SecurityProtocol { get; set; } = "Plaintext";

    /// <summary><c>Plain</c>, <c>ScramSha256</c> or <c>ScramSha512</c> when the protocol is SASL (default none).</summary>
    public string? SaslMechanism { get; set; }

    /// <summary>SASL user name (default none).</summary>
    public string? SaslUsername { get; set; }

    /// <summary>SASL password (default none). A secret: pass it as <c>LOGSENTINEL_INGEST__KAFKA__SASLPASSWORD</c>, never in a checked-in file.</summary>
    public string? SaslPassword { get; set; }

    /// <summary>PEM file of the CA that signed the brokers' certificates (default: the system's trust store).</summary>
    public string? SslCaLocation { get; set; }

    /// <summary>How long the group waits for a silent member before moving its partitions (default 45,000 ms; 3,000–300,000).</summary>
    public int SessionTimeoutMs { get; set; } = 45_000;

    /// <summary>Where a partition without a committed offset starts: <c>Earliest</c> (default, so nothing retained is missed) or <c>Latest</c>.</summary>
    public string AutoOffsetReset { get; set; } = "Earliest";

    /// <summary>
    /// On shutdown, how long pending batches may take to reach the store (default 30,000 ms). Past it the worker
    /// stops without storing their offsets; they are delivered again, and dropped as already stored if they were.
    /// </summary>
    public int ShutdownGraceMs { get; set; } = 30_000;

    /// <summary>The configured format of each topic; null for a topic whose format is detected from its messages.</summary>
    public IReadOnlyDictionary<string, LogFormat?> TopicFormats()
    {
        var formats = new Dictionary<string, LogFormat?>(StringComparer.Ordinal);
        foreach (var (topic, name) in Topics)
        {
            formats[topic] = IsAuto(name) ? null : LogFormats.TryParse(name, out var format) ? format : throw UnknownFormat(topic, name);
        }

        return formats;
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            throw new InvalidOperationException($"{SectionName}:BootstrapServers is not set: list the brokers as host:port[,host:port...].");
        }

        if (string.IsNullOrWhiteSpace(GroupId))
        {
            throw new InvalidOperationException($"{SectionName}:GroupId must not be empty.");
        }

        if (Topics.Count == 0)
        {
            throw new InvalidOperationException(
                $"{SectionName}:Topics is empty: map each topic to its format, e.g. {SectionName}:Topics:gateway-access=gateway-json.");
        }

        foreach (var (topic, name) in Topics)
        {
            if (string.IsNullOrWhiteSpace(topic) || topic.Length > 249 || !IsValidTopicName(topic))
            {
                throw new InvalidOperationException($"{SectionName}:Topics: '{topic}' is not a valid Kafka topic name.");
            }

            if (!IsAuto(name) && !LogFormats.TryParse(name, out _))
            {
                throw UnknownFormat(topic, name);
            }
        }

        if (!Enum.TryParse<Confluent.Kafka.SecurityProtocol>(SecurityProtocol, ignoreCase: true, out var protocol))
        {
            throw new InvalidOperationException($"{SectionName}:SecurityProtocol '{SecurityProtocol}' is not one of Plaintext, Ssl, SaslPlaintext, SaslSsl.");
        }

        var sasl = protocol is Confluent.Kafka.SecurityProtocol.SaslPlaintext or Confluent.Kafka.SecurityProtocol.SaslSsl;
        if (sasl)
        {
            if (!Enum.TryParse<Confluent.Kafka.SaslMechanism>(SaslMechanism, ignoreCase: true, out _))
            {
                throw new InvalidOperationException($"{SectionName}:SaslMechanism '{SaslMechanism}' is not one of Plain, ScramSha256, ScramSha512 (required with {protocol}).");
            }

            if (string.IsNullOrEmpty(SaslUsername) || string.IsNullOrEmpty(SaslPassword))
            {
                throw new InvalidOperationException($"{SectionName}:SaslUsername and {SectionName}:SaslPassword are required with {protocol}.");
            }
        }
        else if (!string.IsNullOrEmpty(SaslMechanism) && !Enum.TryParse<Confluent.Kafka.SaslMechanism>(SaslMechanism, ignoreCase: true, out _))
        {
            throw new InvalidOperationException($"{SectionName}:SaslMechanism '{SaslMechanism}' is not one of Plain, ScramSha256, ScramSha512.");
        }

        if (!string.IsNullOrEmpty(SslCaLocation) && !File.Exists(SslCaLocation))
        {
            throw new InvalidOperationException($"{SectionName}:SslCaLocation '{SslCaLocation}' does not exist.");
        }

        if (SessionTimeoutMs is < 3_000 or > 300_000)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"{SectionName}:SessionTimeoutMs must be between 3000 and 300000; it is {SessionTimeoutMs}."));
        }

        if (!Enum.TryParse<Confluent.Kafka.AutoOffsetReset>(AutoOffsetReset, ignoreCase: true, out var reset) || reset == Confluent.Kafka.AutoOffsetReset.Error)
        {
            throw new InvalidOperationException($"{SectionName}:AutoOffsetReset '{AutoOffsetReset}' is not Earliest or Latest.");
        }

        if (ShutdownGraceMs is < 0 or > 600_000)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"{SectionName}:ShutdownGraceMs must be between 0 and 600000; it is {ShutdownGraceMs}."));
        }
    }

    private static bool IsAuto(string? name) => string.IsNullOrWhiteSpace(name) || name.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase);

    private static bool IsValidTopicName(string topic)
    {
        foreach (var c in topic)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return false;
            }
        }

        return topic is not "." and not "..";
    }

    private static InvalidOperationException UnknownFormat(string topic, string name) =>
        new($"{SectionName}:Topics:{topic} '{name}' is not one of gateway-json, gateway-combined, app-json, auto.");
}
