using System.Globalization;

namespace LogSentinel.Tests.Infrastructure;

/// <summary>
/// Counts the rows of a RowBinary body by walking it with the table's column types, and rejects a body that
/// ends inside a row, so a truncated upload writes nothing (ClickHouse answers such a body with code 33).
/// </summary>
internal static class RowBinaryRowCounter
{
    private delegate int Skipper(ReadOnlySpan<byte> data, int position);

    public static long Count(ReadOnlySpan<byte> data, IReadOnlyList<string> types)
    {
        var skippers = new Skipper[types.Count];
        for (var i = 0; i < skippers.Length; i++)
        {
            skippers[i] = SkipperFor(types[i]);
        }

        long rows = 0;
        var position = 0;
        while (position < data.Length)
        {
            foreach (var skip in skippers)
            {
                position = skip(data, position);
            }

            rows++;
        }

        return rows;
    }

    private static Skipper SkipperFor(string type)
    {
        if (Unwrap(type, "Nullable") is { } nullable)
        {
            var inner = SkipperFor(nullable);
            return (data, position) => Byte(data, position) != 0 ? position + 1 : inner(data, position + 1);
        }

        if (Unwrap(type, "LowCardinality") is { } lowCardinality)
        {
            return SkipperFor(lowCardinality);
        }

        if (Unwrap(type, "Array") is { } array)
        {
            var item = SkipperFor(array);
            return (data, position) =>
            {
                var (length, next) = VarUInt(data, position);
                for (ulong i = 0; i < length; i++)
                {
                    next = item(data, next);
                }

                return next;
            };
        }

        if (Unwrap(type, "FixedString") is { } fixedLength)
        {
            return Fixed(int.Parse(fixedLength, NumberStyles.None, CultureInfo.InvariantCulture));
        }

        if (Unwrap(type, "Decimal") is { } decimalArguments)
        {
            var precision = int.Parse(decimalArguments.Split(',')[0], NumberStyles.None, CultureInfo.InvariantCulture);
            return Fixed(precision switch { <= 9 => 4, <= 18 => 8, <= 38 => 16, _ => 32 });
        }

        if (type.StartsWith("DateTime64", StringComparison.Ordinal))
        {
            return Fixed(8);
        }

        if (type.StartsWith("DateTime", StringComparison.Ordinal))
        {
            return Fixed(4);
        }

        if (type.StartsWith("Enum8", StringComparison.Ordinal))
        {
            return Fixed(1);
        }

        if (type.StartsWith("Enum16", StringComparison.Ordinal))
        {
            return Fixed(2);
        }

        return type switch
        {
            "String" => static (data, position) =>
            {
                var (length, next) = VarUInt(data, position);
                return Advance(data, next, checked((int)length));
            },
            "UInt8" or "Int8" or "Bool" => Fixed(1),
            "UInt16" or "Int16" or "Date" => Fixed(2),
            "UInt32" or "Int32" or "Float32" or "Date32" or "IPv4" => Fixed(4),
            "UInt64" or "Int64" or "Float64" => Fixed(8),
            "UInt128" or "Int128" or "UUID" or "IPv6" => Fixed(16),
            "UInt256" or "Int256" => Fixed(32),
            _ => throw new EndpointException(48, 501, $"The test endpoint cannot read RowBinary values of type {type}. (NOT_IMPLEMENTED)"),
        };
    }

    private static Skipper Fixed(int size) => (data, position) => Advance(data, position, size);

    private static int Advance(ReadOnlySpan<byte> data, int position, int size) =>
        position + size <= data.Length ? position + size : throw Truncated();

    private static byte Byte(ReadOnlySpan<byte> data, int position) =>
        position < data.Length ? data[position] : throw Truncated();

    private static (ulong Value, int Next) VarUInt(ReadOnlySpan<byte> data, int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Byte(data, position++);
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return (value, position);
            }
        }

        throw Truncated();
    }

    private static string? Unwrap(string type, string wrapper) =>
        type.Length > wrapper.Length + 2 && type.StartsWith(wrapper, StringComparison.Ordinal) && type[wrapper.Length] == '(' && type[^1] == ')'
            ? type[(wrapper.Length + 1)..^1]
            : null;

    private static EndpointException Truncated() =>
        new(33, 400, "Cannot read all data: the RowBinary body ends inside a row. (CANNOT_READ_ALL_DATA)");
}
