namespace LogSentinel.Store.Configuration;

/// <summary>Settings of the embedded engine (chDB). Section <c>Store:Embedded</c>.</summary>
public sealed class EmbeddedStoreOptions
{
    /// <summary>Directory holding the engine's data (default <c>./data</c>; <c>--data-dir</c> on the command line). One process owns it at a time.</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>
    /// Path of libchdb.so. Empty (default): the <c>LOGSENTINEL_CHDB_LIBRARY</c> environment variable, then a
    /// libchdb.so beside the executable, then the copy the build fetched.
    /// </summary>
    public string LibraryPath { get; set; } = string.Empty;
}
