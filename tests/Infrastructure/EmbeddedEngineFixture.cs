using LogSentinel.Store.Configuration;
using LogSentinel.Store.Embedded;

namespace LogSentinel.Tests.Infrastructure;

/// <summary>
/// The process's embedded engine (<see cref="SharedEngine"/>) as an xunit fixture, for test classes that take it
/// by constructor. It owns nothing: the shared engine lives for the whole test process.
/// </summary>
public sealed class EmbeddedEngineFixture
{
    /// <summary>The data directory; any other engine connection in this process must use the same one.</summary>
    public static string DataPath => SharedEngine.DataPath;

    public static string LibraryPath => ChdbLibraryLocator.Locate(null);

#pragma warning disable CA1822 // Instance member so tests reach the engine through the fixture they were given.
    internal EmbeddedTransport Transport => SharedEngine.Transport;
#pragma warning restore CA1822

    /// <summary>A database name no other test uses.</summary>
    public static string NewDatabase(string prefix = "t") => SharedEngine.NewDatabase(prefix);

    /// <summary>Options for an embedded store on this engine.</summary>
    public static StoreOptions EmbeddedOptions(string database) => SharedEngine.Options(database);
}
