using System.CommandLine;
using LogSentinel.Cli.Hosting;
using LogSentinel.Store.Alerts;
using LogSentinel.Tests.Cli;
using LogSentinel.Tests.Infrastructure;
using LogSentinel.Tests.Kafka;
using LogSentinel.Tests.Simulate;

namespace LogSentinel.Tests.Live;

public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_UntilCancelled_StoresDetectsPrintsStatusAndLatency()
    {
        using var sim = SimulatedRun.Create(days: 2, accounts: 40, "brute_force,weak_credentials", seed: 3);
        await using var world = await LiveTestWorld.StartAsync(sim);
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        string[] args =
        [
            "run", "--status-interval", "1", "--data-dir", SharedEngine.DataPath,
            "-s", $"Store:Database={world.Bed.Database}",
            .. world.RunSettings(),
            "-s", "Api:Urls=http://127.0.0.1:0",
        ];

        // Status lines are written from the command's task while the test reads them.
        var synchronizedOutput = TextWriter.Synchronized(output);
        var run = LogSentinelCli.CreateRoot().Parse(args).InvokeAsync(new InvocationConfiguration { Output = synchronizedOutput, Error = error }, stop.Token);
        var fed = $"detected {world.Lines:N0} (late 0, queued 0)";
        await KafkaTestBed.WaitForAsync(
            async () => Read(synchronizedOutput, output).Contains(fed, StringComparison.Ordinal)
                && (await world.Bed.Store.Alerts.ListAsync(new AlertQuery { Type = "weak_credentials" })).Count > 0,
            run);
        await stop.CancelAsync();
        var exitCode = await run.WaitAsync(KafkaTestBed.Patience);

        Assert.True(exitCode == 0, error.ToString());
        var text = output.ToString();
        Assert.Contains("Detecting live on app-events, gateway-access", text, StringComparison.Ordinal);
        Assert.Contains("Serving the API and console on http://127.0.0.1:", text, StringComparison.Ordinal);
        // The watermark shown is event time until the input goes idle; then it follows the wall clock.
        Assert.Matches(@"watermark \d{4}-\d{2}-\d{2} \d{2}:\d{2}", text);
        Assert.Contains($"Stopped: {world.Lines:N0} events stored, {world.Lines:N0} detected", text, StringComparison.Ordinal);
        Assert.Matches(@"Alert latency .* p50 [\d,]+ ms, p95 [\d,]+ ms, max [\d,]+ ms", text);
    }

    [Fact]
    public async Task IngestAndDetectRoles_SideBySide_EventsStoredOnce_AlertsAsAReplay()
    {
        using var sim = SimulatedRun.Create(days: 2, accounts: 40, "brute_force,weak_credentials", seed: 3);
        await using var world = await LiveTestWorld.StartAsync(sim);
        var replayed = await world.ReplayAsync();
        string[] common =
        [
            "--data-dir", SharedEngine.DataPath,
            "-s", $"Store:Database={world.Bed.Database}",
            .. world.RunSettings(),
        ];
        using var stop = new CancellationTokenSource();
        using var detectOutput = new StringWriter();
        var detectWriter = TextWriter.Synchronized(detectOutput);
        var ingest = LogSentinelCli.CreateRoot().Parse(["ingest", "--kafka", .. common])
            .InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null }, stop.Token);
        var detect = LogSentinelCli.CreateRoot().Parse(["detect", "--status-interval", "1", .. common])
            .InvokeAsync(new InvocationConfiguration { Output = detectWriter, Error = TextWriter.Null }, stop.Token);
        var fed = $"detected {world.Lines:N0} (late 0, queued 0)";

        await KafkaTestBed.WaitForAsync(
            async () => await world.Bed.CountAsync("gateway_events") + await world.Bed.CountAsync("app_events") == world.Lines
                && Read(detectWriter, detectOutput).Contains(fed, StringComparison.Ordinal)
                && (await world.Bed.Store.Alerts.ListAsync(new AlertQuery())).Count >= replayed.Count,
            Task.WhenAny(ingest, detect));
        await stop.CancelAsync();
        Assert.Equal(0, await ingest.WaitAsync(KafkaTestBed.Patience));
        Assert.Equal(0, await detect.WaitAsync(KafkaTestBed.Patience));

        Assert.Equal(world.Lines, await world.Bed.CountAsync("gateway_events") + await world.Bed.CountAsync("app_events"));
        Assert.Equal(0, await world.Bed.DuplicateKeysAsync());
        Assert.Contains("as group logsentinel-detect", detectOutput.ToString(), StringComparison.Ordinal);
        var alerts = await world.Bed.Store.Alerts.ListAsync(new AlertQuery());
        Assert.Equal(replayed.Select(a => (a.Type, a.Entity)).Order(), alerts.Select(a => (a.Type, a.Entity)).Order());
    }

    private static string Read(TextWriter synchronizedOutput, StringWriter output)
    {
        lock (synchronizedOutput)
        {
            return output.ToString();
        }
    }

    [Fact]
    public async Task Run_NegativeIdleTimeout_FailsNamingTheSetting()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(
            "run", "--data-dir", SharedEngine.DataPath, "-s", "Ingest:Kafka:BootstrapServers=127.0.0.1:1", "-s", "Ingest:Kafka:Topics:gw=gateway-json",
            "-s", "Live:IdleTimeout=-00:00:01");

        Assert.Equal(1, exitCode);
        Assert.Contains("Live:IdleTimeout", error, StringComparison.Ordinal);
    }
}
