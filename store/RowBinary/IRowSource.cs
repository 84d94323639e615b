namespace LogSentinel.Store.RowBinary;

/// <summary>
/// Rows on their way into one table, in both shapes the transports take: RowBinary bytes for the embedded
/// engine's stream insert, and value arrays for the server driver's bulk copy.
/// </summary>
internal interface IRowSource
{
    /// <summary>Quoted, database-qualified table name.</summary>
    string Table { get; }

    IReadOnlyList<string> Columns { get; }

    int Count { get; }

    /// <summary>Writes every row, columns in <see cref="Columns"/> order, as RowBinary.</summary>
    void WriteRowBinary(RowBinaryWriter writer);

    /// <summary>Whether <see cref="WriteNative"/> is available (faster for the engine than RowBinary).</summary>
    bool WritesNative => false;

    /// <summary>Writes every row as one Native block, columns in <see cref="Columns"/> order.</summary>
    void WriteNative(NativeBlockWriter writer) => throw new NotSupportedException("This row source writes RowBinary only.");

    /// <summary>Every row as values the server driver understands, columns in <see cref="Columns"/> order.</summary>
    IEnumerable<object?[]> ToValues();
}
