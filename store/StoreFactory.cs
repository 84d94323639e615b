using LogSentinel.Store.Configuration;
using LogSentinel.Store.Embedded;
using LogSentinel.Store.Server;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store;

/// <summary>Opens the store the options describe.</summary>
public static class StoreFactory
{
    public static ILogStore Open(StoreOptions options)
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
        return new LogStore(transport, options.Database, options.RetentionDays);
    }
}
