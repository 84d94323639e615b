using System.Text;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.Embedded;

/// <summary>
/// The one chDB engine of this process. chDB serves a single data path per process (another path needs every
/// connection closed first) and another process cannot open a path this one holds, so the engine is shared,
/// reference-counted, and guarded by a lock file that names the owning process.
/// </summary>
internal sealed unsafe class ChdbEngine
{
    private static readonly Lock Gate = new();
    private static ChdbNative? s_native;
    private static string? s_dataPath;
    private static int s_openConnections;
    private static DataDirectoryLock? s_lock;

    /// <summary>Opens a connection to the engine at <paramref name="dataPath"/>, starting the engine if needed.</summary>
    public static ChdbConnection Connect(string libraryPath, string dataPath)
    {
        var fullPath = Path.GetFullPath(dataPath);
        lock (Gate)
        {
            if (s_native is not null && !string.Equals(s_native.Path, Path.GetFullPath(libraryPath), StringComparison.Ordinal))
            {
                throw new StoreException($"This process already runs the ClickHouse engine from '{s_native.Path}'; it cannot switch to '{libraryPath}'.");
            }

            if (s_openConnections > 0 && !string.Equals(s_dataPath, fullPath, StringComparison.Ordinal))
            {
                throw new StoreException(
                    $"The embedded store serves one data directory per process: '{s_dataPath}' is open, so '{fullPath}' cannot be opened too. " +
                    "Use one data directory, or separate databases (Store:Database) inside it.");
            }

            s_native ??= ChdbNative.Load(Path.GetFullPath(libraryPath));
            if (s_openConnections == 0)
            {
                Directory.CreateDirectory(fullPath);
                s_lock = DataDirectoryLock.Acquire(fullPath);
            }

            nint handle;
            try
            {
                handle = OpenConnection(s_native, fullPath);
            }
            catch
            {
                if (s_openConnections == 0)
                {
                    s_lock?.Dispose();
                    s_lock = null;
                }

                throw;
            }

            s_dataPath = fullPath;
            s_openConnections++;
            return new ChdbConnection(s_native, handle, fullPath, Release);
        }
    }

    private static nint OpenConnection(ChdbNative native, string dataPath)
    {
        var args = new[] { "logsentinel", $"--path={dataPath}" };
        var encoded = new byte[args.Length][];
        for (var i = 0; i < args.Length; i++)
        {
            encoded[i] = Encoding.UTF8.GetBytes(args[i] + "\0");
        }

        var handles = new System.Runtime.InteropServices.GCHandle[args.Length];
        var argv = stackalloc byte*[args.Length];
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                handles[i] = System.Runtime.InteropServices.GCHandle.Alloc(encoded[i], System.Runtime.InteropServices.GCHandleType.Pinned);
                argv[i] = (byte*)handles[i].AddrOfPinnedObject();
            }

            var argc = args.Length;
            var argvAddress = (nint)argv;
            var connection = SignalHandlerGuard.Preserving(() => native.Connect(argc, (byte**)argvAddress));
            if (connection == 0 || *(nint*)connection == 0)
            {
                throw new StoreException(
                    $"The ClickHouse engine could not open the data directory '{dataPath}'. It may be damaged or not writable; " +
                    "the engine's own log is in that directory.");
            }

            return connection;
        }
        finally
        {
            foreach (var handle in handles)
            {
                if (handle.IsAllocated)
                {
                    handle.Free();
                }
            }
        }
    }

    private static void Release(nint connection)
    {
        lock (Gate)
        {
            s_native!.CloseConnection(connection);
            s_openConnections--;
            if (s_openConnections == 0)
            {
                s_lock?.Dispose();
                s_lock = null;
            }
        }
    }

    /// <summary>A statement ran on a connection and failed; turn chDB's text into an exception.</summary>
    internal static StoreException Failure(string? message, string sql) =>
        ClickHouseErrors.FromEngineMessage(message ?? "the engine reported an error without a message", sql);
}
