namespace LogSentinel.Store.Configuration;

/// <summary>Settings of a ClickHouse server reached over HTTP(S). Section <c>Store:Server</c>.</summary>
public sealed class ServerStoreOptions
{
    /// <summary>Host name or address of the server (default <c>localhost</c>).</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>HTTP port (default 8123; 8443 is usual with TLS).</summary>
    public int Port { get; set; } = 8123;

    /// <summary>Use HTTPS (default false).</summary>
    public bool UseTls { get; set; }

    /// <summary>User name (default <c>default</c>).</summary>
    public string User { get; set; } = "default";

    /// <summary>Password (default empty). Prefer the LOGSENTINEL_STORE__SERVER__PASSWORD environment variable to a file.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>Seconds to wait for a connection (default 10).</summary>
    public int ConnectTimeoutSeconds { get; set; } = 10;

    /// <summary>Seconds a statement may run (default 300).</summary>
    public int QueryTimeoutSeconds { get; set; } = 300;

    /// <summary>Retries of a statement that failed transiently: connection refused or reset, timeouts, 502/503/504, and ClickHouse codes for overload (default 4).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First retry delay in milliseconds; later ones grow exponentially with jitter (default 200).</summary>
    public int RetryBaseDelayMs { get; set; } = 200;
}
