using System.CommandLine;
using LogSentinel.Cli.Hosting;
using LogSentinel.Tests.Cli;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Kafka;

public sealed class KafkaIngestCommandTests
{
    [Fact]
    public async Task IngestKafka_UntilCancelled_StoresBothTopicsPrintsStatusAndStopsCleanly()
    {
        await using var bed = await KafkaTestBed.StartAsync(gatewayPartitions: 4, appPartitions: 4);
        bed.Produce(KafkaTestBed.GatewayTopic, 4, Enumerable.Range(0, 2000).Select(KafkaTestLines.Gateway));
        bed.Produce(KafkaTestBed.AppTopic, 4, Enumerable.Range(0, 2000).Select(KafkaTestLines.App));
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        string[] args =
        [
            "ingest", "--kafka", "--status-interval", "1", "--data-dir", SharedEngine.DataPath,
            "-s", $"Store:Database={bed.Database}",
            "-s", $"Ingest:Kafka:BootstrapServers={bed.Cluster.BootstrapServers}",
            "-s", "Ingest:Kafka:Topics:gateway-access=gateway-json",
            "-s", "Ingest:Kafka:Topics:app-events=auto",
            "-s", "Ingest:Kafka:SessionTimeoutMs=3000",
            "-s", "Ingest:BatchMaxWaitMs=100",
        ];

        var run = LogSentinelCli.CreateRoot().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, stop.Token);
        // Regression: Ingest:Kafka and Ingest:BatchMaxWaitMs together once failed as an unknown setting of Ingest.
        await KafkaTestBed.WaitForAsync(async () => await bed.CountAsync("gateway_events") + await bed.CountAsync("app_events") >= 4000, run);
        await stop.CancelAsync();
        var exitCode = await run.WaitAsync(KafkaTestBed.Patience);

        Assert.True(exitCode == 0, error.ToString());
        Assert.Equal(2000, await bed.CountAsync("gateway_events"));
        Assert.Equal(2000, await bed.CountAsync("app_events"));
        Assert.Contains("events 4,000", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Stopped: 4,000 lines written", output.ToString(), StringComparison.Ordinal);
    }

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
