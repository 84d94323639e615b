using System.Collections.Concurrent;
using System.Data.Common;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.Server;

/// <summary>
/// Reads a driver result into a <see cref="ResultSet"/> with the value kinds the embedded transport returns:
/// null for NULL, UTC <see cref="DateTime"/> for DateTime and DateTime64, <see cref="DateOnly"/> for Date,
/// <c>object?[]</c> for arrays; everything else (integers, strings, Guid, bool, IPAddress) as the driver reads it.
/// </summary>
internal static class ServerResultReader
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    public static async Task<ResultSet> ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var columns = new ResultColumn[reader.FieldCount];
        var kinds = new ValueKind[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var type = reader.GetDataTypeName(i);
            columns[i] = new ResultColumn(reader.GetName(i), type);
            kinds[i] = KindOf(type);
        }

        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[columns.Length];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Read(reader, i, kinds[i]);
            }

            rows.Add(row);
        }

        return new ResultSet(columns, rows);
    }

    private static object? Read(DbDataReader reader, int ordinal, ValueKind kind) => kind switch
    {
        ValueKind.ZonedDateTime => ToUtc(reader.GetValue(ordinal), reader.GetDataTypeName(ordinal)),
        _ => Normalize(reader.GetValue(ordinal), kind),
    };

    /// <summary>The driver gives a column zoned at UTC as a UTC DateTime, and any other zone as wall-clock time in that zone.</summary>
    private static object? ToUtc(object? value, string type)
    {
        if (value is not DateTime dt || dt.Kind == DateTimeKind.Utc)
        {
            return Normalize(value, ValueKind.Other);
        }

        var quote = type.IndexOf('\'', StringComparison.Ordinal);
        var zone = type[(quote + 1)..type.IndexOf('\'', quote + 1)];
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(dt, DateTimeKind.Unspecified), Zones.GetOrAdd(zone, TimeZoneInfo.FindSystemTimeZoneById));
    }

    private static object? Normalize(object? value, ValueKind kind) => value switch
    {
        null or DBNull => null,
        DateTime dt when kind == ValueKind.Date => DateOnly.FromDateTime(dt),
        DateTime dt => dt.Kind == DateTimeKind.Utc ? dt : DateTime.SpecifyKind(dt, DateTimeKind.Utc),
        byte[] bytes => bytes,
        Array array => NormalizeArray(array),
        _ => value,
    };

    private static object?[] NormalizeArray(Array array)
    {
        var items = new object?[array.Length];
        var i = 0;
        foreach (var item in array)
        {
            // Array elements are taken as UTC instants whatever their column's zone; the store keeps no arrays of timestamps.
            items[i++] = Normalize(item, ValueKind.Other);
        }

        return items;
    }

    private static ValueKind KindOf(string type)
    {
        var bare = Unwrap(Unwrap(type, "Nullable"), "LowCardinality");
        if (bare.StartsWith("DateTime", StringComparison.Ordinal))
        {
            // DateTime('Asia/Ho_Chi_Minh') and DateTime64(3, 'UTC') carry a zone; DateTime and DateTime64(3) are UTC instants.
            return bare.Contains('\'', StringComparison.Ordinal) ? ValueKind.ZonedDateTime : ValueKind.Other;
        }

        return bare.StartsWith("Date", StringComparison.Ordinal) ? ValueKind.Date : ValueKind.Other;
    }

    private static string Unwrap(string type, string wrapper) =>
        type.StartsWith(wrapper + "(", StringComparison.Ordinal) && type.EndsWith(')') ? type[(wrapper.Length + 1)..^1] : type;

    private enum ValueKind
    {
        Other,
        Date,
        ZonedDateTime,
    }
}
