using System.CommandLine;
using LogSentinel.Cli.Detect;
using LogSentinel.Cli.Hosting;
using LogSentinel.Cli.Report;
using LogSentinel.Cli.Tuning;
using LogSentinel.Ingest.Privacy;
using LogSentinel.QueryApi.Hosting;
using LogSentinel.QueryApi.Security;
using LogSentinel.Store;
using LogSentinel.Store.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace LogSentinel.Cli.Serve;

/// <summary>
/// The query API and console hosted by a long-running role (<c>serve</c>, <c>run</c>, <c>demo</c>) over the store it
/// holds. On the embedded store it leaves <see cref="ServeOwnership"/> in the data directory while it runs, so the
/// other commands work through it instead of failing on the directory lock; disposing stops it and removes the file.
/// </summary>
internal sealed class OwnedApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _ownedDataDir;

    private OwnedApi(WebApplication app, string? ownedDataDir)
    {
        _app = app;
        _ownedDataDir = ownedDataDir;
    }

    /// <summary>Where it listens (the first address).</summary>
    public string Url => _app.Urls.First();

    public IReadOnlyCollection<string> Urls => [.. _app.Urls];

    public static async Task<OwnedApi> StartAsync(
        ParseResult parse, ILogStore store, StoreOptions storeOptions, ApiOptions options, LocalAdminToken localAdmin, CitizenIdPseudonymizer? pseudonymizer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storeOptions);
        ArgumentNullException.ThrowIfNull(options);
        var settings = new HostedSettings(ReplayCommand.ReadOptions(parse), TunePreviewCommand.ReadOptions(parse), ReportSettings.ReadReportOptions(parse));
        var app = QueryApiHost.Build(options, store, localAdmin, pseudonymizer: pseudonymizer, settings: settings);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new ConfigurationException($"Cannot listen on {options.Urls} (Api:Urls): {ex.Message}");
        }

        string? dataDir = null;
        if (storeOptions.Transport == StoreTransport.Embedded)
        {
            dataDir = Path.GetFullPath(storeOptions.Embedded.DataDir);
            new ServeOwnership(app.Urls.First(), localAdmin.Key, Environment.ProcessId, storeOptions.Database).Write(dataDir);
        }

        return new OwnedApi(app, dataDir);
    }

    /// <summary>Until <paramref name="cancellationToken"/> (Ctrl-C, SIGTERM) or the host's own shutdown.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_ownedDataDir is not null)
        {
            ServeOwnership.Remove(_ownedDataDir, Environment.ProcessId);
        }

        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
