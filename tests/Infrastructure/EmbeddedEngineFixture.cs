using LogSentinel.Store.Configuration;
using LogSentinel.Store.Embedded;

namespace LogSentinel.Tests.Infrastructure;

/// <summary>
/// The one embedded engine of the test process. chDB serves one data path per process, so every test shares
/// this directory and isolates itself in a database of its own (<see cref="NewDatabase"/>). The fixture keeps
/// one connection open for the whole run so the engine is not restarted between test classes.
/// </summary>
public sealed class EmbeddedEngineFixture : IDisposable
{
    private readonly EmbeddedTransport _transport = new(LibraryPath, DataPath);

    /// <summary>The data directory; any other engine connection in this process must use the same one.</summary>
    public static string DataPath { get; } = Path.Combine(Path.GetTempPath(), $"logsentinel-tests-{Environment.ProcessId}");

    public static string LibraryPath => ChdbLibraryLocator.Locate(null);

    internal EmbeddedTransport Transport => _transport;

    /// <summary>A database name no other test uses.</summary>
    public static string NewDatabase(string prefix = "t") => $"{prefix}_{Guid.NewGuid():N}";

    /// <summary>Options for an embedded store on this engine.</summary>
    public static StoreOptions EmbeddedOptions(string database) => new()
    {
        Transport = StoreTransport.Embedded,
        Database = database,
        Embedded = new EmbeddedStoreOptions { DataDir = DataPath },
    };

    // The embedded transport closes synchronously; its ValueTask is already complete.
    public void Dispose() => _transport.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
