using System.CommandLine;
using LogSentinel.Cli.Hosting;
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

    private IngestRuntime(ILogStore store, IngestOptions options, CitizenIdPseudonymizer pseudonymizer, DeadLetterSealer sealer, IngestPipeline pipeline, IngestMetrics metrics)
    {
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
        var configuration = CliConfiguration.Build(parse);
        // Ingest:Parsing, Ingest:Pseudonymization and Ingest:Kafka are sections of their own inside Ingest.
        var options = Bind<IngestOptions>(configuration, IngestOptions.SectionName, "Parsing", "Pseudonymization", "Kafka");
        var parserOptions = Bind<ParserOptions>(configuration, ParserOptions.SectionName);
        var pseudonymization = Bind<PseudonymizationOptions>(configuration, PseudonymizationOptions.SectionName);
        byte[] key;
        try
        {
            options.Validate();
            parserOptions.Validate();
            key = PseudonymKeyProvider.Resolve(
                pseudonymization, storeOptions.Transport == StoreTransport.Embedded ? storeOptions.Embedded.DataDir : null);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException(ex.Message);
        }

        var pseudonymizer = new CitizenIdPseudonymizer(key);
        var sealer = new DeadLetterSealer(key);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);

        var store = StoreFactory.Open(storeOptions);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var metrics = new IngestMetrics();
        var pipeline = new IngestPipeline(store, pseudonymizer, sealer, parserOptions, metrics, TimeProvider.System);
        return new IngestRuntime(store, options, pseudonymizer, sealer, pipeline, metrics);
    }

    public async ValueTask DisposeAsync()
    {
        Pipeline.Dispose();
        _sealer.Dispose();
        _pseudonymizer.Dispose();
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
        var settings = configuration.GetSection(section);
        if (subsections.Length > 0)
        {
            var known = typeof(T).GetProperties().Select(p => p.Name).Concat(subsections).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var unknown = settings.GetChildren().Select(c => c.Key).Where(key => !known.Contains(key)).ToList();
            if (unknown.Count > 0)
            {
                throw new ConfigurationException($"Invalid setting in section '{section}': unknown {string.Join(", ", unknown.Select(k => $"'{section}:{k}'"))}.");
            }
        }

        try
        {
            // With subsections the check above covers this level; the binder would take them for unknown properties.
            settings.Bind(options, o => o.ErrorOnUnknownConfiguration = subsections.Length == 0);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException($"Invalid setting in section '{section}': {ex.Message}");
        }

        return options;
    }
}
