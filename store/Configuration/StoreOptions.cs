namespace LogSentinel.Store.Configuration;

/// <summary>Where and how LogSentinel keeps its data. Bound from the <c>Store</c> configuration section.</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";

    /// <summary><c>Embedded</c> (default: the ClickHouse engine in-process, no server) or <c>Server</c> (a ClickHouse server over HTTP).</summary>
    public StoreTransport Transport { get; set; } = StoreTransport.Embedded;

    /// <summary>Database that holds LogSentinel's tables (default <c>logsentinel</c>); several deployments can share one engine under different names.</summary>
    public string Database { get; set; } = "logsentinel";

    /// <summary>Days raw events are kept before ClickHouse's TTL removes them (default 400).</summary>
    public int RetentionDays { get; set; } = 400;

    public EmbeddedStoreOptions Embedded { get; set; } = new();

    public ServerStoreOptions Server { get; set; } = new();
}

/// <summary>The two ways to reach ClickHouse.</summary>
public enum StoreTransport
{
    Embedded,
    Server,
}
