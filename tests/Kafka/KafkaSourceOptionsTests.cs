using LogSentinel.Ingest.Kafka;
using LogSentinel.Ingest.Parsing;

namespace LogSentinel.Tests.Kafka;

public sealed class KafkaSourceOptionsTests
{
    [Fact]
    public void Defaults_AreDocumentedValues()
    {
        var options = new KafkaSourceOptions();

        Assert.Equal("logsentinel-ingest", options.GroupId);
        Assert.Equal("Earliest", options.AutoOffsetReset);
        Assert.Equal("Plaintext", options.SecurityProtocol);
        Assert.Equal(45_000, options.SessionTimeoutMs);
        Assert.Equal(30_000, options.ShutdownGraceMs);
    }

    [Fact]
    public void TopicFormats_AutoAndEmpty_AreDetected()
    {
        var options = Valid();
        options.Topics["a"] = "auto";
        options.Topics["b"] = "";

        var formats = options.TopicFormats();

        Assert.Equal(LogFormat.GatewayJson, formats["gateway-access"]);
        Assert.Null(formats["a"]);
        Assert.Null(formats["b"]);
    }

    [Theory]
    [InlineData("BootstrapServers", "", "Ingest:Kafka:BootstrapServers")]
    [InlineData("GroupId", " ", "Ingest:Kafka:GroupId")]
    [InlineData("SecurityProtocol", "Kerberos", "Ingest:Kafka:SecurityProtocol")]
    [InlineData("SecurityProtocol", "SaslSsl", "Ingest:Kafka:SaslMechanism")]
    [InlineData("SessionTimeoutMs", "1000", "Ingest:Kafka:SessionTimeoutMs")]
    [InlineData("AutoOffsetReset", "Error", "Ingest:Kafka:AutoOffsetReset")]
    [InlineData("ShutdownGraceMs", "-1", "Ingest:Kafka:ShutdownGraceMs")]
    public void Validate_BadSetting_NamesTheKey(string property, string value, string key)
    {
        var options = Valid();
        var info = typeof(KafkaSourceOptions).GetProperty(property)!;
        info.SetValue(options, info.PropertyType == typeof(int) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value);

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoTopics_SaysHowToMapOne()
    {
        var options = Valid();
        options.Topics.Clear();

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains("Ingest:Kafka:Topics", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SaslWithoutPassword_Fails()
    {
        var options = Valid();
        options.SecurityProtocol = "SaslPlaintext";
        options.SaslMechanism = "ScramSha512";
        options.SaslUsername = "ingest";

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains("Ingest:Kafka:SaslPassword", error.Message, StringComparison.Ordinal);
    }

    private static KafkaSourceOptions Valid() => new()
    {
        BootstrapServers = "127.0.0.1:9092",
        Topics = new Dictionary<string, string> { ["gateway-access"] = "gateway-json" },
    };
}
