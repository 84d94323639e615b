namespace LogSentinel.Store.Transport;

/// <summary>A column of a result: its name and ClickHouse type.</summary>
internal sealed record ResultColumn(string Name, string Type);

/// <summary>A small, fully read query result. Large scans belong in the engine, not in memory.</summary>
internal sealed class ResultSet(IReadOnlyList<ResultColumn> columns, IReadOnlyList<object?[]> rows)
{
    public IReadOnlyList<ResultColumn> Columns { get; } = columns;

    public IReadOnlyList<object?[]> Rows { get; } = rows;

    public int Ordinal(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"The result has no column '{name}'.");
    }
}
