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
    public static string DataPath { get; } = Path.Combine(Path.GetTempPath(), $"{DirectoryPrefix}{Environment.ProcessId}");

    private const string DirectoryPrefix = "logsentinel-tests-";

    private static readonly Lazy<EmbeddedTransport> Keeper = new(() =>
    {
        RemoveLeftovers();
        var transport = new EmbeddedTransport(ChdbLibraryLocator.Locate(null), DataPath);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            transport.DisposeAsync().AsTask().GetAwaiter().GetResult();
            TryDelete(DataPath);
        };
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

    /// <summary>
    /// A test run leaves half a gigabyte of engine data. It tries to remove its own at exit, but the test host is often
    /// ended before exit handlers run; so each run also removes the directories of earlier runs whose process is gone,
    /// and at most the last run's data stays behind.
    /// </summary>
    private static void RemoveLeftovers()
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var name = Path.GetFileName(directory);
            if (int.TryParse(name.AsSpan(DirectoryPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId && !IsRunning(pid))
            {
                TryDelete(directory);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another run's files or a directory in use: left for the next run to try again.
        }
    }
}
