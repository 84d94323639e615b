using System.Text.RegularExpressions;
using LogSentinel.Cli.Hosting;
using LogSentinel.Cli.Ingest;
using LogSentinel.Cli.Telemetry;
using LogSentinel.Detect.Live;
using LogSentinel.Ingest.Pipeline;
using LogSentinel.Ingest.Kafka;
using LogSentinel.Ingest.Kafka.Republish;
using LogSentinel.Store.Configuration;

namespace LogSentinel.Tests.Deploy;

/// <summary>deploy/compose.yaml: the roles, their commands and the settings they are given are the product's own.</summary>
public sealed partial class ComposeFileTests
{
    private static readonly string[] Roles = ["ingest", "detect", "serve"];

    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["CLICKHOUSE_PASSWORD"] = "test-password",
        ["PSEUDONYMIZATION_KEY"] = Convert.ToBase64String(new byte[32]),
        ["GRAFANA_ADMIN_PASSWORD"] = "test-admin",
    };

    private static Dictionary<object, object> Services()
    {
        var compose = DeployFiles.LoadYaml(Path.Combine(DeployFiles.Root, "compose.yaml")).Single();
        return DeployFiles.Map(compose["services"], "services");
    }

    /// <summary>A service's environment with compose's variables filled in.</summary>
    private static Dictionary<string, string> Environment(string service)
    {
        var environment = DeployFiles.Map(DeployFiles.Map(Services()[service], service)["environment"], $"{service}.environment");
        return environment.ToDictionary(kv => (string)kv.Key, kv => DeployFiles.Interpolate((string)kv.Value, Secrets), StringComparer.Ordinal);
    }

    private static string[] Command(string service) =>
        DeployFiles.List(DeployFiles.Map(Services()[service], service)["command"], $"{service}.command").Cast<string>().ToArray();

    /// <summary>The product's configuration for a service: its environment, as -s overrides, read as the CLI reads settings.</summary>
    private static Microsoft.Extensions.Configuration.IConfigurationRoot Configuration(string service)
    {
        var args = new List<string> { "store", "check" };
        foreach (var (name, value) in Environment(service))
        {
            if (DeployFiles.SettingKey(name) is { } key)
            {
                args.Add("-s");
                args.Add($"{key}={value}");
            }
        }

        return CliConfiguration.Build(LogSentinelCli.CreateRoot().Parse(args));
    }

    [Fact]
    public void Compose_HasEachRoleRunningItsSubcommand()
    {
        var services = Services();
        var root = LogSentinelCli.CreateRoot();
        foreach (var role in Roles)
        {
            Assert.True(services.ContainsKey(role), $"compose.yaml has no service '{role}'");
            var command = Command(role);
            Assert.Equal(role, command[0]);

            // Roles this build has must accept the command line exactly as compose gives it.
            if (root.Subcommands.Any(c => c.Name == role))
            {
                Assert.Empty(root.Parse(command).Errors);
            }
        }

        Assert.Contains(services.Keys.Cast<string>(), s => s == "kafka");
        Assert.Contains(services.Keys.Cast<string>(), s => s == "clickhouse");
    }

    [Fact]
    public void Compose_EveryLogSentinelVariableIsADocumentedSetting()
    {
        var documented = DeployFiles.DocumentedSettings();
        foreach (var service in Services().Keys.Cast<string>())
        {
            var definition = DeployFiles.Map(Services()[service], service);
            if (!definition.TryGetValue("environment", out var environment))
            {
                continue;
            }

            foreach (var name in DeployFiles.Map(environment, service).Keys.Cast<string>())
            {
                var key = DeployFiles.SettingKey(name);
                if (key is not null)
                {
                    Assert.True(documented.Any(p => p.IsMatch(key)), $"{service}: {name} ({key}) is not a setting README.md or docs/operations.md documents");
                }
            }
        }
    }

    [Fact]
    public void Compose_RolesReachTheClickHouseServerWithTheProductsOwnValidation()
    {
        foreach (var role in Roles.Append("migrate"))
        {
            var options = StoreOpener.ReadOptions(LogSentinelCli.CreateRoot().Parse(
                ["store", "check", .. Environment(role).Where(kv => DeployFiles.SettingKey(kv.Key) is not null).SelectMany(kv => new[] { "-s", $"{DeployFiles.SettingKey(kv.Key)}={kv.Value}" })]));

            Assert.Equal(StoreTransport.Server, options.Transport);
            Assert.Equal("clickhouse", options.Server.Host);
            Assert.Equal("test-password", options.Server.Password);
            Assert.Equal(Environment("clickhouse")["CLICKHOUSE_USER"], options.Server.User);
            Assert.Equal(Environment("clickhouse")["CLICKHOUSE_DB"], options.Database);
        }
    }

    [Fact]
    public void Compose_IngestKafkaSettingsValidateAndExactlyItsTopicsAreCreated()
    {
        var kafka = IngestRuntime.Bind<KafkaSourceOptions>(Configuration("ingest"), KafkaSourceOptions.SectionName);
        kafka.Validate();

        Assert.Equal("kafka:9092", kafka.BootstrapServers);
        Assert.Equal("logsentinel-ingest", kafka.GroupId);
        Assert.Equal(new Dictionary<string, string> { ["gateway-access"] = "gateway-json", ["app-events"] = "app-json" }, kafka.Topics);

        // The input topics, and the internal topics ingest republishes to (the wide one with one partition).
        var createTopics = string.Join('\n', Command("kafka-topics"));
        var created = CreatedTopics().Match(createTopics);
        Assert.True(created.Success, $"kafka-topics has no 'for topic in ...' loop:\n{createTopics}");
        Assert.Equal(kafka.Topics.Keys.Order(StringComparer.Ordinal), created.Groups["topics"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        var republish = IngestRuntime.Bind<RepublishOptions>(Configuration("ingest"), RepublishOptions.SectionName);
        republish.Validate();
        Assert.True(republish.Enabled, "ingest must republish for the partitioned detect");
        Assert.Contains($"for internal in {republish.AccountTopic} {republish.AddressTopic};", createTopics, StringComparison.Ordinal);
        Assert.Contains($"--topic {republish.WideTopic} --partitions 1 ", createTopics, StringComparison.Ordinal);

        // As `ingest` binds its sections today: strictly, so a key it does not know would stop it at start.
        _ = IngestRuntime.Bind<IngestOptions>(Configuration("ingest"), IngestOptions.SectionName, "Kafka", "Republish");
        IngestRuntime.Bind<TelemetryOptions>(Configuration("ingest"), TelemetryOptions.SectionName).Validate();
    }

    [Fact]
    public void Compose_DetectReadsTheIngestTopicsInAGroupOfItsOwn()
    {
        // Bound as `detect` binds them: Ingest:Kafka for the consumer, Live for its group, both strictly.
        var configuration = Configuration("detect");
        var kafka = IngestRuntime.Bind<KafkaSourceOptions>(configuration, KafkaSourceOptions.SectionName);
        var live = IngestRuntime.Bind<LiveOptions>(configuration, LiveOptions.SectionName);
        kafka.Validate();
        live.Validate();
        var ingest = IngestRuntime.Bind<KafkaSourceOptions>(Configuration("ingest"), KafkaSourceOptions.SectionName);

        Assert.Equal("logsentinel-detect", live.DetectGroupId);
        Assert.NotEqual(ingest.GroupId, live.DetectGroupId);
        Assert.Equal(ingest.Topics, kafka.Topics);
        Assert.Equal(ingest.BootstrapServers, kafka.BootstrapServers);
        _ = IngestRuntime.Bind<IngestOptions>(configuration, IngestOptions.SectionName, "Kafka", "Republish");
        IngestRuntime.Bind<TelemetryOptions>(configuration, TelemetryOptions.SectionName).Validate();
    }

    [Fact]
    public void Compose_DetectReadsTheInternalTopics_SoItMayBeScaled()
    {
        var live = IngestRuntime.Bind<LiveOptions>(Configuration("detect"), LiveOptions.SectionName);
        var republish = IngestRuntime.Bind<RepublishOptions>(Configuration("detect"), RepublishOptions.SectionName);

        // One engine per internal partition: several members share the group (a raw detect could not be scaled).
        Assert.True(live.ReadsInternalTopics, "detect must read the internal topics (Live:Source=internal)");
        Assert.Equal(new RepublishOptions().Topics, republish.Topics);
        Assert.Contains("--scale detect=", DeployFiles.Read("deploy/compose.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SecretsComeFromTheEnvironmentAndTheKeyIsShared()
    {
        var text = DeployFiles.Read("deploy/compose.yaml");

        Assert.Contains("LOGSENTINEL_STORE__SERVER__PASSWORD: ${CLICKHOUSE_PASSWORD:?", text, StringComparison.Ordinal);
        Assert.Contains("LOGSENTINEL_INGEST__PSEUDONYMIZATION__KEY: ${PSEUDONYMIZATION_KEY:?", text, StringComparison.Ordinal);
        Assert.All(Roles, role => Assert.Equal(Secrets["PSEUDONYMIZATION_KEY"], Environment(role)["LOGSENTINEL_INGEST__PSEUDONYMIZATION__KEY"]));
        var example = DeployFiles.Read("deploy/.env.example");
        Assert.All(Secrets.Keys, name => Assert.Contains($"\n{name}=\n", example, StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_EveryServiceThatStaysUpHasAHealthCheck()
    {
        foreach (var (name, definition) in Services())
        {
            var service = DeployFiles.Map(definition, (string)name);
            var oneShot = service.TryGetValue("restart", out var restart) && (string)restart == "no";
            if (!oneShot)
            {
                Assert.True(service.ContainsKey("healthcheck") || service.ContainsKey("profiles"), $"service {name} has no healthcheck");
            }
        }
    }

    /// <summary>The topic list of kafka-topics' <c>for topic in a b; do</c> loop.</summary>
    [GeneratedRegex(@"for topic in (?<topics>[^;]+);")]
    private static partial Regex CreatedTopics();
}
