using LogSentinel.Store.Configuration;
using LogSentinel.Store.Embedded;
using LogSentinel.Store.Server;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store;

/// <summary>Opens the store the options describe.</summary>
public static class StoreFactory
{
    /// <summary>Opens the store; <paramref name="time"/> stamps what the store records (loads, audit), default the system clock.</summary>
    public static ILogStore Open(StoreOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new StoreOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new StoreException(validation.FailureMessage);
        }

        IClickHouseTransport transport = options.Transport switch
        {
            StoreTransport.Embedded => new EmbeddedTransport(
                ChdbLibraryLocator.Locate(options.Embedded.LibraryPath), options.Embedded.DataDir),
            StoreTransport.Server => new ServerTransport(options.Server),
            _ => throw new StoreException($"Store:Transport '{options.Transport}' is not Embedded or Server."),
        };
        return new LogStore(transport, options.Database, options.RetentionDays, time ?? TimeProvider.System);
    }
}
