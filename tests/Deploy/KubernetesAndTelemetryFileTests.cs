using System.Text.Json;
using LogSentinel.Cli.Ingest;
using LogSentinel.Cli.Telemetry;
using LogSentinel.Detect.Live;
using LogSentinel.Detect.Tuning;
using LogSentinel.Ingest.Pipeline;
using LogSentinel.Ingest.Kafka;
using LogSentinel.Ingest.Kafka.Republish;
using LogSentinel.Store.Configuration;
using Microsoft.Extensions.Configuration;

namespace LogSentinel.Tests.Deploy;

/// <summary>deploy/k8s, deploy/otel-collector.yaml and the other YAML files parse and agree with the product's settings.</summary>
public sealed class KubernetesAndTelemetryFileTests
{
    private static List<Dictionary<object, object>> Manifests() =>
        Directory.EnumerateFiles(Path.Combine(DeployFiles.Root, "k8s"), "*.yaml")
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(DeployFiles.LoadYaml)
            .ToList();

    private static Dictionary<object, object> Manifest(string kind, string name) =>
        Manifests().Single(m => (string)m["kind"] == kind && (string)DeployFiles.Map(m["metadata"], "metadata")["name"] == name);

    private static IConfigurationRoot Settings()
    {
        var configMap = Manifest("ConfigMap", "logsentinel-settings");
        var json = (string)DeployFiles.Map(configMap["data"], "data")["appsettings.json"];
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return new ConfigurationBuilder().AddJsonStream(stream).Build();
    }

    [Fact]
    public void EveryYamlFile_Parses()
    {
        var files = DeployFiles.YamlFiles().ToList();

        Assert.Contains(files, f => f.EndsWith("compose.yaml", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("otel-collector.yaml", StringComparison.Ordinal));
        Assert.All(files, f => Assert.NotEmpty(DeployFiles.LoadYaml(f)));
    }

    [Fact]
    public void Kustomization_ListsEveryManifest()
    {
        var kustomization = DeployFiles.LoadYaml(Path.Combine(DeployFiles.Root, "k8s", "kustomization.yaml")).Single();
        var resources = DeployFiles.List(kustomization["resources"], "resources").Cast<string>().Order(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(Path.Combine(DeployFiles.Root, "k8s"), "*.yaml").Select(Path.GetFileName)
            .Where(f => f != "kustomization.yaml").Order(StringComparer.Ordinal);

        Assert.Equal(files, resources);
    }

    [Fact]
    public void Kubernetes_EachRoleIsADeploymentRunningItsSubcommandAsNonRoot()
    {
        foreach (var role in new[] { "ingest", "detect", "serve" })
        {
            var spec = DeployFiles.Map(Manifest("Deployment", $"logsentinel-{role}")["spec"], "spec");
            var pod = DeployFiles.Map(DeployFiles.Map(spec["template"], "template")["spec"], "pod spec");
            Assert.Equal("true", DeployFiles.Map(pod["securityContext"], "securityContext")["runAsNonRoot"]);
            var container = DeployFiles.Map(DeployFiles.List(pod["containers"], "containers").Single(), "container");
            var args = DeployFiles.List(container["args"], "args").Cast<string>().ToArray();
            Assert.Equal(role, args[0]);
            Assert.Equal(["--config", "/etc/logsentinel/appsettings.json"], args[^2..]);

            // Roles this build has must accept the arguments exactly as the manifest gives them.
            var root = LogSentinel.Cli.Hosting.LogSentinelCli.CreateRoot();
            if (root.Subcommands.Any(c => c.Name == role))
            {
                Assert.Empty(root.Parse(args).Errors);
            }
        }

        var job = DeployFiles.Map(DeployFiles.Map(DeployFiles.Map(Manifest("Job", "logsentinel-migrate")["spec"], "spec")["template"], "template")["spec"], "job pod");
        var migrate = DeployFiles.List(DeployFiles.Map(DeployFiles.List(job["containers"], "containers").Single(), "container")["args"], "args").Cast<string>().ToArray();
        Assert.Empty(LogSentinel.Cli.Hosting.LogSentinelCli.CreateRoot().Parse(migrate).Errors);

        Assert.Equal("logsentinel-serve", DeployFiles.Map(Manifest("Service", "logsentinel-serve")["metadata"], "metadata")["name"]);
    }

    [Fact]
    public void Kubernetes_SecretsAreReferencedByKeysTheSecretHoldsAndNamedAsTheProductReadsThem()
    {
        var secret = DeployFiles.Map(Manifest("Secret", "logsentinel-secrets")["stringData"], "stringData");
        var documented = DeployFiles.DocumentedSettings();
        var references = 0;
        foreach (var manifest in Manifests().Where(m => (string)m["kind"] is "Deployment" or "Job"))
        {
            var pod = DeployFiles.Map(DeployFiles.Map(DeployFiles.Map(manifest["spec"], "spec")["template"], "template")["spec"], "pod");
            foreach (var container in DeployFiles.List(pod["containers"], "containers").Select(c => DeployFiles.Map(c, "container")))
            {
                foreach (var env in DeployFiles.List(container["env"], "env").Select(e => DeployFiles.Map(e, "env")))
                {
                    var name = (string)env["name"];
                    var key = DeployFiles.SettingKey(name);
                    Assert.True(key is not null && documented.Any(p => p.IsMatch(key)), $"{name} is not a documented LOGSENTINEL_ setting");
                    var reference = DeployFiles.Map(DeployFiles.Map(env["valueFrom"], "valueFrom")["secretKeyRef"], "secretKeyRef");
                    Assert.Equal("logsentinel-secrets", reference["name"]);
                    Assert.True(secret.ContainsKey(reference["key"]), $"the Secret has no key {reference["key"]}");
                    references++;
                }
            }
        }

        Assert.True(references >= 7, "every role gets the ClickHouse password and the pseudonymization key");
        Assert.DoesNotContain("Password\": \"", (string)DeployFiles.Map(Manifest("ConfigMap", "logsentinel-settings")["data"], "data")["appsettings.json"], StringComparison.Ordinal);
    }

    [Fact]
    public void Kubernetes_ConfigMapSettingsAreDocumentedAndBindAsTheProductBindsThem()
    {
        var settings = Settings();
        var documented = DeployFiles.DocumentedSettings();
        foreach (var (key, value) in settings.AsEnumerable().Where(kv => kv.Value is not null))
        {
            Assert.True(documented.Any(p => p.IsMatch(key)), $"appsettings.json in the ConfigMap sets {key}, which README.md and docs/operations.md do not document");
        }

        var store = new StoreOptions();
        settings.GetSection(StoreOptions.SectionName).Bind(store, o => o.ErrorOnUnknownConfiguration = true);
        Assert.False(new StoreOptionsValidator().Validate(null, store).Failed);
        Assert.Equal(StoreTransport.Server, store.Transport);

        var kafka = IngestRuntime.Bind<KafkaSourceOptions>(settings, KafkaSourceOptions.SectionName);
        kafka.Validate();

        // As `ingest` binds its sections today: strictly, so a key it does not know would stop it at start.
        _ = IngestRuntime.Bind<IngestOptions>(settings, IngestOptions.SectionName, "Kafka", "Republish");
        IngestRuntime.Bind<TelemetryOptions>(settings, TelemetryOptions.SectionName).Validate();

        // As `run` and `detect` bind theirs: strictly too.
        IngestRuntime.Bind<LiveOptions>(settings, LiveOptions.SectionName).Validate();
        var tuning = new TuningOptions();
        settings.GetSection(TuningOptions.SectionName).Bind(tuning, o => o.ErrorOnUnknownConfiguration = true);
        tuning.Validate();
    }

    [Fact]
    public void Keda_ScalesIngestOnlyOnItsConsumerGroupAndTopics()
    {
        var settings = Settings();
        var scaled = Manifests().Where(m => (string)m["kind"] == "ScaledObject").ToList();
        var spec = DeployFiles.Map(Assert.Single(scaled)["spec"], "spec");

        Assert.Equal("logsentinel-ingest", DeployFiles.Map(spec["scaleTargetRef"], "scaleTargetRef")["name"]);
        var triggers = DeployFiles.List(spec["triggers"], "triggers").Select(t => DeployFiles.Map(DeployFiles.Map(t, "trigger")["metadata"], "metadata")).ToList();
        Assert.All(triggers, t =>
        {
            Assert.Equal(settings["Ingest:Kafka:GroupId"], t["consumerGroup"]);
            Assert.Equal(settings["Ingest:Kafka:BootstrapServers"], t["bootstrapServers"]);
        });
        var topics = settings.GetSection("Ingest:Kafka:Topics").GetChildren().Select(c => c.Key);
        Assert.Equal(topics.Order(StringComparer.Ordinal), triggers.Select(t => (string)t["topic"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Kubernetes_DetectIsAScaledGroupOverTheInternalTopicsIngestRepublishesTo()
    {
        var spec = DeployFiles.Map(Manifest("Deployment", "logsentinel-detect")["spec"], "spec");

        // Partitioned detect: one checkpoint per partition, so several members and rolling updates are safe.
        Assert.True(int.Parse((string)spec["replicas"], System.Globalization.CultureInfo.InvariantCulture) > 1, "detect runs several members");
        Assert.Equal("RollingUpdate", DeployFiles.Map(spec["strategy"], "strategy")["type"]);

        // Bound as `detect` binds them: Ingest:Kafka for the consumer, Live for its group, both strictly.
        var settings = Settings();
        var kafka = IngestRuntime.Bind<KafkaSourceOptions>(settings, KafkaSourceOptions.SectionName);
        var live = IngestRuntime.Bind<LiveOptions>(settings, LiveOptions.SectionName);
        kafka.Validate();
        live.Validate();
        Assert.Equal("logsentinel-detect", live.DetectGroupId);
        Assert.NotEqual(kafka.GroupId, live.DetectGroupId);
        Assert.True(live.ReadsInternalTopics, "detect must read the internal topics (Live:Source=internal)");
        var republish = IngestRuntime.Bind<RepublishOptions>(settings, RepublishOptions.SectionName);
        republish.Validate();
        Assert.True(republish.Enabled, "ingest must republish to the internal topics detect reads");

        // detect and ingest read their topics from the one ConfigMap, and neither overrides them.
        foreach (var role in new[] { "ingest", "detect" })
        {
            var pod = DeployFiles.Map(DeployFiles.Map(DeployFiles.Map(Manifest("Deployment", $"logsentinel-{role}")["spec"], "spec")["template"], "template")["spec"], "pod spec");
            var volume = DeployFiles.List(pod["volumes"], "volumes").Select(v => DeployFiles.Map(v, "volume")).Single(v => (string)v["name"] == "settings");
            Assert.Equal("logsentinel-settings", DeployFiles.Map(volume["configMap"], "configMap")["name"]);
            var container = DeployFiles.Map(DeployFiles.List(pod["containers"], "containers").Single(), "container");
            Assert.DoesNotContain(
                DeployFiles.List(container["env"], "env").Select(e => (string)DeployFiles.Map(e, "env")["name"]),
                name => name.StartsWith("LOGSENTINEL_INGEST__KAFKA__", StringComparison.Ordinal) || name.StartsWith("LOGSENTINEL_LIVE__", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void OtelCollector_ReceivesOtlpOnThePortTheRolesSendToAndExportsPrometheusAndLogs()
    {
        var collector = DeployFiles.LoadYaml(Path.Combine(DeployFiles.Root, "otel-collector.yaml")).Single();
        var pipelines = DeployFiles.Map(DeployFiles.Map(collector["service"], "service")["pipelines"], "pipelines");
        var exporters = DeployFiles.Map(collector["exporters"], "exporters");

        Assert.Contains("prometheus", DeployFiles.List(DeployFiles.Map(pipelines["metrics"], "metrics")["exporters"], "exporters").Cast<string>());
        Assert.NotEmpty(DeployFiles.List(DeployFiles.Map(pipelines["logs"], "logs")["exporters"], "exporters"));
        Assert.All(pipelines.Values.SelectMany(p => DeployFiles.List(DeployFiles.Map(p, "pipeline")["exporters"], "exporters")), e => Assert.True(exporters.ContainsKey(e)));
        var grpc = DeployFiles.Map(DeployFiles.Map(DeployFiles.Map(DeployFiles.Map(collector["receivers"], "receivers")["otlp"], "otlp")["protocols"], "protocols")["grpc"], "grpc");
        var port = ((string)grpc["endpoint"]).Split(':')[^1];
        Assert.EndsWith($":{port}", new Uri(Settings()["Telemetry:OtlpEndpoint"]!).Authority, StringComparison.Ordinal);
    }

    [Fact]
    public void GrafanaProvisioning_EveryDashboardUsesAProvisionedDatasource()
    {
        var datasources = DeployFiles.List(DeployFiles.LoadYaml(Path.Combine(DeployFiles.Root, "grafana", "provisioning", "datasources", "logsentinel.yaml")).Single()["datasources"], "datasources")
            .Select(d => (string)DeployFiles.Map(d, "datasource")["uid"]).ToHashSet(StringComparer.Ordinal);
        var dashboards = Directory.EnumerateFiles(Path.Combine(DeployFiles.Root, "grafana", "dashboards"), "*.json").ToList();

        Assert.NotEmpty(dashboards);
        foreach (var file in dashboards)
        {
            using var dashboard = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
            {
                foreach (var target in panel.GetProperty("targets").EnumerateArray())
                {
                    Assert.Contains(target.GetProperty("datasource").GetProperty("uid").GetString() ?? string.Empty, datasources);
                }
            }
        }
    }
}
