using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.RowBinary;

/// <summary>
/// Decodes RowBinaryWithNamesAndTypes, the format the embedded engine returns results in, into .NET values of
/// the same kinds the server driver returns, so code above the transport sees one shape.
/// </summary>
internal static class RowBinaryResultReader
{
    private delegate object? Decoder(ref Cursor cursor);

    public static ResultSet Read(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return new ResultSet([], []);
        }

        var cursor = new Cursor(data);
        var count = checked((int)cursor.VarUInt());
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = cursor.String();
        }

        var columns = new ResultColumn[count];
        var decoders = new Decoder[count];
        for (var i = 0; i < count; i++)
        {
            var type = cursor.String();
            columns[i] = new ResultColumn(names[i], type);
            decoders[i] = DecoderFor(type);
        }

        var rows = new List<object?[]>();
        while (!cursor.AtEnd)
        {
            var row = new object?[count];
            for (var i = 0; i < count; i++)
            {
                row[i] = decoders[i](ref cursor);
            }

            rows.Add(row);
        }

        return new ResultSet(columns, rows);
    }

    private static Decoder DecoderFor(string type)
    {
        if (TryUnwrap(type, "Nullable", out var inner))
        {
            var decodeInner = DecoderFor(inner);
            return (ref Cursor c) => c.Byte() != 0 ? null : decodeInner(ref c);
        }

        if (TryUnwrap(type, "LowCardinality", out inner))
        {
            return DecoderFor(inner);
        }

        if (TryUnwrap(type, "Array", out inner))
        {
            var decodeItem = DecoderFor(inner);
            return (ref Cursor c) =>
            {
                var length = checked((int)c.VarUInt());
                var items = new object?[length];
                for (var i = 0; i < length; i++)
                {
                    items[i] = decodeItem(ref c);
                }

                return items;
            };
        }

        if (TryUnwrap(type, "FixedString", out inner))
        {
            var size = int.Parse(inner, NumberStyles.None, CultureInfo.InvariantCulture);
            return (ref Cursor c) => Encoding.UTF8.GetString(c.Take(size));
        }

        if (type.StartsWith("DateTime64", StringComparison.Ordinal))
        {
            var precision = type.Length > 11 ? type[11] - '0' : 3;
            var ticksPerUnit = TimeSpan.TicksPerSecond / (long)Math.Pow(10, Math.Min(precision, 7));
            return (ref Cursor c) => DateTime.UnixEpoch.AddTicks(c.Int64() * ticksPerUnit);
        }

        if (type.StartsWith("DateTime", StringComparison.Ordinal))
        {
            return (ref Cursor c) => DateTime.UnixEpoch.AddSeconds(c.UInt32());
        }

        if (type.StartsWith("Enum8", StringComparison.Ordinal))
        {
            return (ref Cursor c) => (sbyte)c.Byte();
        }

        if (type.StartsWith("Enum16", StringComparison.Ordinal))
        {
            return (ref Cursor c) => c.Int16();
        }

        return type switch
        {
            "String" => (ref Cursor c) => c.String(),
            "UInt8" => (ref Cursor c) => c.Byte(),
            "Bool" => (ref Cursor c) => c.Byte() != 0,
            "UInt16" => (ref Cursor c) => c.UInt16(),
            "UInt32" => (ref Cursor c) => c.UInt32(),
            "UInt64" => (ref Cursor c) => c.UInt64(),
            "Int8" => (ref Cursor c) => (sbyte)c.Byte(),
            "Int16" => (ref Cursor c) => c.Int16(),
            "Int32" => (ref Cursor c) => c.Int32(),
            "Int64" => (ref Cursor c) => c.Int64(),
            "Float32" => (ref Cursor c) => BinaryPrimitives.ReadSingleLittleEndian(c.Take(4)),
            "Float64" => (ref Cursor c) => BinaryPrimitives.ReadDoubleLittleEndian(c.Take(8)),
            "Date" => (ref Cursor c) => DateOnly.FromDateTime(DateTime.UnixEpoch).AddDays(c.UInt16()),
            "Date32" => (ref Cursor c) => DateOnly.FromDateTime(DateTime.UnixEpoch).AddDays(c.Int32()),
            "UUID" => (ref Cursor c) => c.Uuid(),
            "IPv4" => (ref Cursor c) => new IPAddress(BinaryPrimitives.ReverseEndianness(c.UInt32())),
            "IPv6" => (ref Cursor c) => new IPAddress(c.Take(16)),
            "Nothing" => (ref Cursor c) => null,
            _ => throw new StoreException($"The embedded result reader does not decode the ClickHouse type '{type}'; cast the column in SQL."),
        };
    }

    private static bool TryUnwrap(string type, string wrapper, out string inner)
    {
        if (type.Length > wrapper.Length + 2 && type.StartsWith(wrapper, StringComparison.Ordinal) && type[wrapper.Length] == '(' && type[^1] == ')')
        {
            inner = type[(wrapper.Length + 1)..^1];
            return true;
        }

        inner = string.Empty;
        return false;
    }

    private ref struct Cursor(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        public readonly bool AtEnd => _position >= _data.Length;

        public ReadOnlySpan<byte> Take(int length)
        {
            if (_position + length > _data.Length)
            {
                throw new StoreException("The engine returned a truncated RowBinary result.");
            }

            var span = _data.Slice(_position, length);
            _position += length;
            return span;
        }

        public byte Byte() => Take(1)[0];

        public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

        public short Int16() => BinaryPrimitives.ReadInt16LittleEndian(Take(2));

        public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

        public ulong VarUInt()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = Byte();
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }

            throw new StoreException("The engine returned a malformed RowBinary length.");
        }

        public string String() => Encoding.UTF8.GetString(Take(checked((int)VarUInt())));

        public Guid Uuid()
        {
            var high = UInt64();
            var low = UInt64();
            Span<byte> bytes = stackalloc byte[16];
            BinaryPrimitives.WriteUInt64BigEndian(bytes, high);
            BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], low);
            return new Guid(bytes, bigEndian: true);
        }
    }
}
