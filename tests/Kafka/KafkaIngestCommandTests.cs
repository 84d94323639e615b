using LogSentinel.Tests.Cli;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Kafka;

public sealed class KafkaIngestCommandTests
{
    [Fact]
    public async Task IngestKafka_NoBrokersConfigured_FailsNamingTheSetting()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("ingest", "--kafka", "--data-dir", SharedEngine.DataPath, "-s", "Ingest:Kafka:Topics:gateway-access=gateway-json");

        Assert.Equal(1, exitCode);
        Assert.Contains("Ingest:Kafka:BootstrapServers", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestKafka_UnknownTopicFormat_FailsNamingTheTopic()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(
            "ingest", "--kafka", "--data-dir", SharedEngine.DataPath, "-s", "Ingest:Kafka:BootstrapServers=127.0.0.1:1", "-s", "Ingest:Kafka:Topics:gw=syslog");

        Assert.Equal(1, exitCode);
        Assert.Contains("Ingest:Kafka:Topics:gw 'syslog'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestKafka_WithFiles_IsRejected()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("ingest", "--kafka", "access.log");

        Assert.Equal(1, exitCode);
        Assert.Contains("--kafka", error, StringComparison.Ordinal);
    }
}
