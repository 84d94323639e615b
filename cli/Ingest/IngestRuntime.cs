using System.CommandLine;
using LogSentinel.Cli.Hosting;
using LogSentinel.Cli.Telemetry;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Pipeline;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Ingest.Telemetry;
using LogSentinel.Store;
using LogSentinel.Store.Configuration;
using Microsoft.Extensions.Configuration;
using Polly;
using Polly.Retry;

namespace LogSentinel.Cli.Ingest;

/// <summary>The store, the pipeline and their settings, built from one command line's configuration.</summary>
internal sealed class IngestRuntime : IAsyncDisposable
{
    private readonly CitizenIdPseudonymizer _pseudonymizer;
    private readonly DeadLetterSealer _sealer;

    private readonly IDisposable? _metricsExport;

    private IngestRuntime(ILogStore store, IngestOptions options, CitizenIdPseudonymizer pseudonymizer, DeadLetterSealer sealer, IngestPipeline pipeline, IngestMetrics metrics, IDisposable? metricsExport)
    {
        _metricsExport = metricsExport;
        Store = store;
        Options = options;
        _pseudonymizer = pseudonymizer;
        _sealer = sealer;
        Pipeline = pipeline;
        Metrics = metrics;
    }

    public ILogStore Store { get; }

    public IngestOptions Options { get; }

    public IngestPipeline Pipeline { get; }

    public IngestMetrics Metrics { get; }

    /// <summary>Pseudonymizes citizen ids (and accounts that are citizen ids) under the configured key.</summary>
    public CitizenIdPseudonymizer Pseudonymizer => _pseudonymizer;

    /// <summary>Seals and opens dead letters' original lines.</summary>
    public DeadLetterSealer Sealer => _sealer;

    /// <summary>Store writes are retried with exponential backoff and jitter; a batch is never dropped quietly.</summary>
    public static ResiliencePipeline StoreRetry(int maxAttempts) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<StoreException>(),
            MaxRetryAttempts = maxAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(30),
        })
        .Build();

    public static async Task<IngestRuntime> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var storeOptions = StoreOpener.ReadOptions(parse);
        var telemetry = Bind<TelemetryOptions>(CliConfiguration.Build(parse), TelemetryOptions.SectionName);
        try
        {
            telemetry.Validate();
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException(ex.Message);
        }

        var key = ResolvePseudonymKey(parse, out var options);
        var pseudonymizer = new CitizenIdPseudonymizer(key, options.Pseudonymization.UseNativeSha256);
        var sealer = new DeadLetterSealer(key);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);

        var store = StoreFactory.Open(storeOptions);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var metricsExport = MetricsExport.Start(telemetry, "ingest");
        var metrics = new IngestMetrics();
        var pipeline = new IngestPipeline(store, pseudonymizer, sealer, options.Parsing, metrics, TimeProvider.System);
        return new IngestRuntime(store, options, pseudonymizer, sealer, pipeline, metrics, metricsExport);
    }

    /// <summary>
    /// The key of citizen-id pseudonyms (<c>Ingest:Pseudonymization</c>); with the embedded store and no key
    /// configured, the one generated into the data directory on first use. The caller zeroes it after use.
    /// </summary>
    public static byte[] ResolvePseudonymKey(ParseResult parse, out IngestOptions options)
    {
        var storeOptions = StoreOpener.ReadOptions(parse);
        // Ingest:Kafka and Ingest:Republish are sections of their own inside Ingest, bound by the Kafka roles.
        options = Bind<IngestOptions>(CliConfiguration.Build(parse), IngestOptions.SectionName, "Kafka", "Republish");
        try
        {
            options.Validate();
            return PseudonymKeyProvider.Resolve(
                options.Pseudonymization, storeOptions.Transport == StoreTransport.Embedded ? storeOptions.Embedded.DataDir : null);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException(ex.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Pipeline.Dispose();
        _sealer.Dispose();
        _pseudonymizer.Dispose();
        _metricsExport?.Dispose();
        Metrics.Dispose();
        await Store.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Binds a settings section, rejecting unknown keys with a message naming the section. Keys naming
    /// <paramref name="subsections"/> (bound separately) are not unknown.
    /// </summary>
    internal static T Bind<T>(IConfiguration configuration, string section, params string[] subsections)
        where T : new()
    {
        var options = new T();
        IConfiguration settings = configuration.GetSection(section);
        if (subsections.Length > 0)
        {
            // Bind strictly everything but the subsections, which are bound separately.
            settings = new ConfigurationBuilder()
                .AddInMemoryCollection(((IConfigurationSection)settings).AsEnumerable(makePathsRelative: true)
                    .Where(kv => kv.Value is not null && !subsections.Any(sub => IsUnder(kv.Key, sub))))
                .Build();
        }

        try
        {
            settings.Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException($"Invalid setting in section '{section}': {ex.Message}");
        }

        return options;
    }

    private static bool IsUnder(string key, string section) =>
        key.Equals(section, StringComparison.OrdinalIgnoreCase) || key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase);
}
