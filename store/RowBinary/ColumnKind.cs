namespace LogSentinel.Store.RowBinary;

/// <summary>The column types <see cref="ValueRows"/> can write.</summary>
internal enum ColumnKind
{
    String,
    UInt64,
    UInt32,
    UInt8,
    Date,
    DateTime64Ms,
    IPv6,
    Uuid,
}
