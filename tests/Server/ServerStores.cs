using LogSentinel.Store;
using LogSentinel.Store.Configuration;

namespace LogSentinel.Tests.Server;

/// <summary>Stores on the server transport, pointed at a test endpoint; retries are fast so failure tests stay quick.</summary>
internal static class ServerStores
{
    public static StoreOptions Options(int port, string database, Action<ServerStoreOptions>? configure = null)
    {
        var server = new ServerStoreOptions
        {
            Host = "127.0.0.1",
            Port = port,
            ConnectTimeoutSeconds = 5,
            QueryTimeoutSeconds = 60,
            MaxRetries = 2,
            RetryBaseDelayMs = 1,
        };
        configure?.Invoke(server);
        // The sample events are dated 2024; a retention shorter than their age would let TTL drop them on insert.
        return new StoreOptions { Transport = StoreTransport.Server, Database = database, RetentionDays = 3650, Server = server };
    }

    public static ILogStore Open(int port, string database, Action<ServerStoreOptions>? configure = null) =>
        StoreFactory.Open(Options(port, database, configure));

    public static async Task<ILogStore> OpenMigratedAsync(int port, string database)
    {
        var store = Open(port, database);
        await store.MigrateAsync();
        return store;
    }
}
