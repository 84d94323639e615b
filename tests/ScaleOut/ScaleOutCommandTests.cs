using System.CommandLine;
using LogSentinel.Cli.Hosting;
using LogSentinel.Store.Alerts;
using LogSentinel.Tests.Cli;
using LogSentinel.Tests.Infrastructure;
using LogSentinel.Tests.Kafka;
using LogSentinel.Tests.Simulate;

namespace LogSentinel.Tests.ScaleOut;

/// <summary>The commands of scale-out: <c>ingest --kafka</c> with <c>Ingest:Republish</c>, and <c>detect</c> with <c>Live:Source=internal</c>.</summary>
public sealed class ScaleOutCommandTests
{
    [Fact]
    public async Task IngestRepublishing_AndPartitionedDetect_SideBySide_AlertsAsAReplay()
    {
        using var sim = SimulatedRun.Create(days: 2, accounts: 40, "brute_force,weak_credentials", seed: 3);
        await using var world = await ScaleOutWorld.StartAsync(sim);
        var replayed = await world.Live.ReplayAsync();
        string[] common =
        [
            "--data-dir", SharedEngine.DataPath,
            "-s", $"Store:Database={world.Bed.Database}",
            "-s", $"Ingest:Kafka:BootstrapServers={world.Bed.Cluster.BootstrapServers}",
            "-s", "Ingest:Kafka:SessionTimeoutMs=3000",
            "-s", "Ingest:BatchMaxWaitMs=100",
            "-s", "Live:IdleTimeout=00:00:01",
        ];
        using var stop = new CancellationTokenSource();
        using var ingestOutput = new StringWriter();
        using var detectOutput = new StringWriter();
        var ingestWriter = TextWriter.Synchronized(ingestOutput);
        var detectWriter = TextWriter.Synchronized(detectOutput);
        var ingest = LogSentinelCli.CreateRoot().Parse([
                "ingest", "--kafka", "--status-interval", "1", .. common,
                "-s", "Ingest:Kafka:Topics:gateway-access=gateway-json", "-s", "Ingest:Kafka:Topics:app-events=app-json",
                "-s", "Ingest:Republish:Enabled=true"])
            .InvokeAsync(new InvocationConfiguration { Output = ingestWriter, Error = TextWriter.Null }, stop.Token);
        // detect needs no log topics: it reads the internal ones.
        var detect = LogSentinelCli.CreateRoot().Parse(["detect", "--status-interval", "1", .. common, "-s", "Live:Source=internal"])
            .InvokeAsync(new InvocationConfiguration { Output = detectWriter, Error = TextWriter.Null }, stop.Token);
        var expected = replayed.Select(a => (a.Type, a.Entity)).Order().ToList();

        await KafkaTestBed.WaitForAsync(
            async () => await world.StoredAsync() == world.Live.Lines
                && Read(detectWriter, detectOutput).Contains("partitions 8 (8 caught up)", StringComparison.Ordinal)
                && (await world.Bed.Store.Alerts.ListAsync(new AlertQuery())).Select(a => (a.Type, a.Entity)).Order().SequenceEqual(expected),
            Task.WhenAny(ingest, detect));
        await stop.CancelAsync();
        Assert.Equal(0, await ingest.WaitAsync(KafkaTestBed.Patience));
        Assert.Equal(0, await detect.WaitAsync(KafkaTestBed.Patience));

        Assert.NotEmpty(expected);
        Assert.Contains("Republishing every event to logsentinel.by-account, logsentinel.by-address, logsentinel.wide", Read(ingestWriter, ingestOutput), StringComparison.Ordinal);
        Assert.Matches(@"republished [\d,]+ in [\d,]+ messages", Read(ingestWriter, ingestOutput));
        var text = Read(detectWriter, detectOutput);
        Assert.Contains("Detecting by partition on logsentinel.by-account, logsentinel.by-address, logsentinel.wide", text, StringComparison.Ordinal);
        Assert.Contains("as group logsentinel-detect", text, StringComparison.Ordinal);
        Assert.Matches(@"Stopped: [\d,]+ detected, [\d,]+ duplicates skipped", text);
    }

    [Fact]
    public async Task Run_WithInternalSource_FailsNamingTheSetting()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(
            "run", "--data-dir", SharedEngine.DataPath, "-s", "Ingest:Kafka:BootstrapServers=127.0.0.1:1", "-s", "Ingest:Kafka:Topics:gw=gateway-json",
            "-s", "Live:Source=internal");

        Assert.Equal(1, exitCode);
        Assert.Contains("Live:Source=internal applies to detect", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_UnknownSource_FailsNamingTheSetting()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(
            "detect", "--data-dir", SharedEngine.DataPath, "-s", "Ingest:Kafka:BootstrapServers=127.0.0.1:1", "-s", "Live:Source=elsewhere");

        Assert.Equal(1, exitCode);
        Assert.Contains("Live:Source 'elsewhere' is not raw or internal", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_RepublishTopicsNotDistinct_FailsNamingTheSection()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(
            "ingest", "--kafka", "--data-dir", SharedEngine.DataPath, "-s", "Ingest:Kafka:BootstrapServers=127.0.0.1:1", "-s", "Ingest:Kafka:Topics:gw=gateway-json",
            "-s", "Ingest:Republish:Enabled=true", "-s", "Ingest:Republish:WideTopic=logsentinel.by-account");

        Assert.Equal(1, exitCode);
        Assert.Contains("Ingest:Republish: AccountTopic, AddressTopic and WideTopic must be three different topics", error, StringComparison.Ordinal);
    }

    private static string Read(TextWriter synchronizedOutput, StringWriter output)
    {
        lock (synchronizedOutput)
        {
            return output.ToString();
        }
    }
}
