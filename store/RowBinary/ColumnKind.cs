namespace LogSentinel.Store.RowBinary;

/// <summary>The column types <see cref="ValueRows"/> can write.</summary>
internal enum ColumnKind
{
    String,

    /// <summary>A String column given raw bytes (not necessarily UTF-8).</summary>
    Bytes,
    UInt64,
    UInt32,
    UInt8,
    Date,
    DateTime64Ms,
    IPv6,
    Uuid,
}
