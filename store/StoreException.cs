namespace LogSentinel.Store;

/// <summary>
/// A store operation failed. <see cref="Code"/> is ClickHouse's own error code when the engine reported one
/// (62 for a syntax error, 60 for an unknown table, ...); the message is ClickHouse's own message.
/// </summary>
public class StoreException : Exception
{
    public StoreException(string message, int? code = null, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    /// <summary>ClickHouse's error code, or null when the failure happened before the engine answered.</summary>
    public int? Code { get; }
}
