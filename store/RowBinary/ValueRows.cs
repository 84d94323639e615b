using System.Net;
using LogSentinel.Store.Events;

namespace LogSentinel.Store.RowBinary;

/// <summary>
/// Rows given as value arrays, for small tables (reference data, alerts, audit entries) where clarity matters
/// more than the last allocation; the event tables have columnar writers of their own.
/// </summary>
internal sealed class ValueRows(string table, IReadOnlyList<(string Name, ColumnKind Kind)> columns, IReadOnlyList<object?[]> rows) : IRowSource
{
    public string Table => table;

    public IReadOnlyList<string> Columns { get; } = [.. columns.Select(c => c.Name)];

    public int Count => rows.Count;

    public void WriteRowBinary(RowBinaryWriter writer)
    {
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                Write(writer, columns[i].Kind, row[i]);
            }
        }
    }

    public IEnumerable<object?[]> ToValues() => rows;

    private static void Write(RowBinaryWriter writer, ColumnKind kind, object? value)
    {
        switch (kind)
        {
            case ColumnKind.String:
                writer.WriteString((string?)value ?? string.Empty);
                break;
            case ColumnKind.Bytes:
                writer.WriteString((byte[]?)value ?? []);
                break;
            case ColumnKind.UInt64:
                writer.WriteUInt64(Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ColumnKind.UInt32:
                writer.WriteUInt32(Convert.ToUInt32(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ColumnKind.UInt8:
                writer.WriteUInt8(Convert.ToByte(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ColumnKind.Date:
                writer.WriteDate((DateOnly)value!);
                break;
            case ColumnKind.DateTime64Ms:
                writer.WriteDateTime64Ms(value switch
                {
                    DateTimeOffset dto => dto.ToUnixTimeMilliseconds(),
                    DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)).ToUnixTimeMilliseconds(),
                    _ => throw new ArgumentException($"Not a time: {value}", nameof(value)),
                });
                break;
            case ColumnKind.IPv6:
                writer.WriteIPv6(IpAddresses.FromIPAddress((IPAddress)value!));
                break;
            case ColumnKind.Uuid:
                writer.WriteUuid((Guid)value!);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown column kind.");
        }
    }
}
