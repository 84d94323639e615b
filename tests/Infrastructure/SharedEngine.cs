using LogSentinel.Store;
using LogSentinel.Store.Configuration;
using LogSentinel.Store.Embedded;

namespace LogSentinel.Tests.Infrastructure;

/// <summary>
/// The one embedded engine of the test process. chDB serves one data path per process, so every test shares
/// this directory and isolates itself with a database of its own. One connection stays open for the life of the
/// process so the engine is not restarted between tests.
/// </summary>
internal static class SharedEngine
{
    public static string DataPath { get; } = Path.Combine(Path.GetTempPath(), $"logsentinel-tests-{Environment.ProcessId}");

    private static readonly Lazy<EmbeddedTransport> Keeper = new(() =>
    {
        var transport = new EmbeddedTransport(ChdbLibraryLocator.Locate(null), DataPath);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => transport.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return transport;
    });

    /// <summary>The engine-wide connection; started on first use.</summary>
    public static EmbeddedTransport Transport => Keeper.Value;

    /// <summary>A database name no other test uses.</summary>
    public static string NewDatabase(string prefix = "t") => $"{prefix}_{Guid.NewGuid():N}";

    /// <summary>Options for a store on the shared engine in a fresh database.</summary>
    public static StoreOptions Options(string? database = null)
    {
        _ = Transport;
        return new StoreOptions
        {
            Transport = StoreTransport.Embedded,
            Database = database ?? NewDatabase(),
            Embedded = new EmbeddedStoreOptions { DataDir = DataPath },
        };
    }

    /// <summary>Opens a store on the shared engine in a fresh database, already migrated.</summary>
    public static async Task<ILogStore> OpenMigratedAsync(string? database = null)
    {
        var store = StoreFactory.Open(Options(database));
        await store.MigrateAsync();
        return store;
    }
}
