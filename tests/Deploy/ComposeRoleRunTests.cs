using System.CommandLine;
using LogSentinel.Cli.Hosting;
using LogSentinel.Store.Transport;
using LogSentinel.Tests.Infrastructure;
using LogSentinel.Tests.Kafka;

namespace LogSentinel.Tests.Deploy;

/// <summary>
/// The compose file's `migrate`, `ingest` and `detect` services run for real: their commands and settings exactly as
/// compose gives them, with only the addresses pointed at the stand-ins this machine has (a ClickHouse HTTP
/// endpoint over the embedded engine, demanding the compose password, and librdkafka's mock cluster).
/// </summary>
[Collection(EmbeddedEngineCollectionDefinition.Name)]
public sealed class ComposeRoleRunTests(EmbeddedEngineFixture engine)
{
    private const string Password = "compose-password";

    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["CLICKHOUSE_PASSWORD"] = Password,
        ["PSEUDONYMIZATION_KEY"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 3)).ToArray()),
        ["GRAFANA_ADMIN_PASSWORD"] = "unused",
    };

    [Fact]
    public async Task ComposeMigrateThenIngest_StoresEveryMessageThroughTheServerTransport()
    {
        await using var endpoint = await ClickHouseHttpEndpoint.StartAsync(engine, Password);
        await using var bed = await KafkaTestBed.StartAsync(gatewayPartitions: 3, appPartitions: 3);
        CreateInternalTopics(bed);
        bed.Produce(KafkaTestBed.GatewayTopic, 3, Enumerable.Range(0, 600).Select(KafkaTestLines.Gateway));
        bed.Produce(KafkaTestBed.AppTopic, 3, Enumerable.Range(0, 400).Select(KafkaTestLines.App));
        var database = EmbeddedEngineFixture.NewDatabase("compose");
        var standIns = StandIns(endpoint, database, bed.Cluster.BootstrapServers);

        using var migrateOutput = new StringWriter();
        using var migrateError = new StringWriter();
        var migrated = await Parse("migrate", standIns).InvokeAsync(new InvocationConfiguration { Output = migrateOutput, Error = migrateError });
        Assert.True(migrated == 0, migrateError.ToString() + migrateOutput);
        Assert.Contains("rows written and read back identical", migrateOutput.ToString(), StringComparison.Ordinal);

        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = Parse("ingest", standIns).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, stop.Token);
        await KafkaTestBed.WaitForAsync(async () => await CountAsync(database, "gateway_events") + await CountAsync(database, "app_events") >= 1000, run);
        await stop.CancelAsync();
        var exitCode = await run.WaitAsync(KafkaTestBed.Patience);

        Assert.True(exitCode == 0, error.ToString());
        Assert.Equal(600, await CountAsync(database, "gateway_events"));
        Assert.Equal(400, await CountAsync(database, "app_events"));
        Assert.Contains("as group logsentinel-ingest", output.ToString(), StringComparison.Ordinal);
        // Every statement went through the HTTP endpoint: the role used the server transport compose configures.
        Assert.Contains(endpoint.Statements, s => s.Contains($"{database}.gateway_events", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ComposeIngestAndDetect_SideBySide_DetectReadsTheRepublishedEventsInItsOwnGroupAndCheckpointsPerPartition()
    {
        await using var endpoint = await ClickHouseHttpEndpoint.StartAsync(engine, Password);
        await using var bed = await KafkaTestBed.StartAsync(gatewayPartitions: 2, appPartitions: 2);
        CreateInternalTopics(bed);
        bed.Produce(KafkaTestBed.GatewayTopic, 2, Enumerable.Range(0, 300).Select(KafkaTestLines.Gateway));
        bed.Produce(KafkaTestBed.AppTopic, 2, Enumerable.Range(0, 200).Select(KafkaTestLines.App));
        var database = EmbeddedEngineFixture.NewDatabase("composedetect");
        var standIns = StandIns(endpoint, database, bed.Cluster.BootstrapServers);
        Assert.Equal(0, await Parse("migrate", standIns).InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null }));

        using var stop = new CancellationTokenSource();
        using var detectOutput = new StringWriter();
        using var detectError = new StringWriter();
        var detectWriter = TextWriter.Synchronized(detectOutput);
        var ingest = Parse("ingest", standIns).InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null }, stop.Token);
        var detect = Parse("detect", standIns).InvokeAsync(new InvocationConfiguration { Output = detectWriter, Error = detectError }, stop.Token);
        // The status line (every 5 s by default, as compose runs it) shows partitions read to their end and events fed.
        await KafkaTestBed.WaitForAsync(
            async () => await CountAsync(database, "gateway_events") + await CountAsync(database, "app_events") == 500
                && FedAtLeast(Read(detectWriter, detectOutput), 500)
                && Read(detectWriter, detectOutput).Contains("partitions 5 (5 caught up)", StringComparison.Ordinal),
            Task.WhenAny(ingest, detect));
        await stop.CancelAsync();
        Assert.Equal(0, await ingest.WaitAsync(KafkaTestBed.Patience));
        Assert.True(await detect.WaitAsync(KafkaTestBed.Patience) == 0, detectError.ToString());

        // Both groups got every message: detect took no partition from ingest, and wrote no event itself.
        Assert.Equal(300, await CountAsync(database, "gateway_events"));
        Assert.Equal(200, await CountAsync(database, "app_events"));
        Assert.Contains("as group logsentinel-detect", detectOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains("Detecting by partition on logsentinel.by-account, logsentinel.by-address, logsentinel.wide", detectOutput.ToString(), StringComparison.Ordinal);
        // Its shutdown checkpoints, one per partition under its group, reached the store through the server transport.
        var checkpoint = await SharedEngine.Transport.QueryAsync(
            $"SELECT count() FROM {database}.detector_state WHERE key = {{key:String}}",
            new QueryParameters().Add("key", "detect/logsentinel-detect/logsentinel.wide/0"),
            CancellationToken.None);
        Assert.Equal(1L, Convert.ToInt64(checkpoint.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(endpoint.Statements, s => s.Contains($"{database}.detector_state", StringComparison.Ordinal));
    }

    /// <summary>The internal topics compose's kafka-topics creates, smaller: by account and by address over 2 partitions, wide over 1.</summary>
    private static void CreateInternalTopics(KafkaTestBed bed)
    {
        bed.Cluster.CreateTopic("logsentinel.by-account", 2);
        bed.Cluster.CreateTopic("logsentinel.by-address", 2);
        bed.Cluster.CreateTopic("logsentinel.wide", 1);
    }

    /// <summary>Whether the last status line counts at least <paramref name="events"/> events fed.</summary>
    private static bool FedAtLeast(string output, long events)
    {
        var matches = System.Text.RegularExpressions.Regex.Matches(output, @"detected (?<n>[\d,]+) \(");
        return matches.Count > 0
            && long.Parse(matches[^1].Groups["n"].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) >= events;
    }

    private static Dictionary<string, string> StandIns(ClickHouseHttpEndpoint endpoint, string database, string bootstrapServers) =>
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["Store:Server:Host"] = "127.0.0.1",
            ["Store:Server:Port"] = endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Store:Database"] = database,
            ["Ingest:Kafka:BootstrapServers"] = bootstrapServers,
            // A scrape port per test process would collide; the mock cluster's groups settle faster with these.
            ["Telemetry:PrometheusPort"] = "0",
            ["Ingest:Kafka:SessionTimeoutMs"] = "3000",
            ["Ingest:BatchMaxWaitMs"] = "100",
        };

    private static string Read(TextWriter synchronizedOutput, StringWriter output)
    {
        lock (synchronizedOutput)
        {
            return output.ToString();
        }
    }

    /// <summary>A compose service's command with its LOGSENTINEL_ environment as settings, the stand-ins' addresses last.</summary>
    private static ParseResult Parse(string service, Dictionary<string, string> standIns)
    {
        var compose = DeployFiles.LoadYaml(Path.Combine(DeployFiles.Root, "compose.yaml")).Single();
        var definition = DeployFiles.Map(DeployFiles.Map(compose["services"], "services")[service], service);
        var args = DeployFiles.List(definition["command"], "command").Cast<string>().ToList();
        foreach (var (name, value) in DeployFiles.Map(definition["environment"], "environment"))
        {
            if (DeployFiles.SettingKey((string)name) is { } key && !standIns.ContainsKey(key))
            {
                args.AddRange(["-s", $"{key}={DeployFiles.Interpolate((string)value, Secrets)}"]);
            }
        }

        args.AddRange(standIns.SelectMany(kv => new[] { "-s", $"{kv.Key}={kv.Value}" }));
        return LogSentinelCli.CreateRoot().Parse(args);
    }

    private static async Task<long> CountAsync(string database, string table)
    {
        var exists = await SharedEngine.Transport.QueryAsync(
            "SELECT count() FROM system.tables WHERE database = {db:String} AND name = {table:String}",
            new QueryParameters().Add("db", database).Add("table", table),
            CancellationToken.None);
        if (Convert.ToInt64(exists.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        var result = await SharedEngine.Transport.QueryAsync($"SELECT count() FROM {database}.{table}", null, CancellationToken.None);
        return Convert.ToInt64(result.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
