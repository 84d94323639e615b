using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace LogSentinel.Store.RowBinary;

/// <summary>
/// Writes ClickHouse RowBinary into a pooled buffer and hands it to <c>flush</c> whenever it fills, so a batch of
/// any size streams into the engine in fixed-size chunks.
/// </summary>
internal sealed class RowBinaryWriter : IDisposable
{
    private readonly Action<ReadOnlyMemory<byte>> _flush;
    private byte[] _buffer;
    private int _position;

    public RowBinaryWriter(Action<ReadOnlyMemory<byte>> flush, int chunkSize = 1 << 20)
    {
        _flush = flush;
        _buffer = ArrayPool<byte>.Shared.Rent(chunkSize);
    }

    public long BytesWritten { get; private set; }

    public void WriteUInt8(byte value) => Reserve(1)[0] = value;

    public void WriteBool(bool value) => WriteUInt8(value ? (byte)1 : (byte)0);

    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), value);

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);

    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);

    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);

    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), value);

    public void WriteFloat32(float value) => BinaryPrimitives.WriteSingleLittleEndian(Reserve(4), value);

    public void WriteFloat64(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), value);

    /// <summary>DateTime64(3): milliseconds since the Unix epoch as Int64.</summary>
    public void WriteDateTime64Ms(long unixMilliseconds) => WriteInt64(unixMilliseconds);

    /// <summary>DateTime: seconds since the Unix epoch as UInt32.</summary>
    public void WriteDateTime(long unixSeconds) => WriteUInt32(checked((uint)unixSeconds));

    /// <summary>Date: days since the Unix epoch as UInt16.</summary>
    public void WriteDate(DateOnly date) => WriteUInt16(checked((ushort)(date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber)));

    /// <summary>IPv6: 16 bytes in network (big-endian) order; <paramref name="address"/> holds them as a big-endian number.</summary>
    public void WriteIPv6(UInt128 address) => BinaryPrimitives.WriteUInt128BigEndian(Reserve(16), address);

    /// <summary>UUID: ClickHouse stores it as two little-endian UInt64 halves, high half first.</summary>
    public void WriteUuid(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        var span = Reserve(16);
        BinaryPrimitives.WriteUInt64LittleEndian(span, BinaryPrimitives.ReadUInt64BigEndian(bytes));
        BinaryPrimitives.WriteUInt64LittleEndian(span[8..], BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
    }

    public void WriteString(ReadOnlySpan<byte> utf8)
    {
        WriteVarUInt((ulong)utf8.Length);
        if (utf8.Length <= _buffer.Length)
        {
            utf8.CopyTo(Reserve(utf8.Length));
            return;
        }

        // Longer than a whole chunk: flush what is buffered and pass the value through in pieces.
        Flush();
        while (!utf8.IsEmpty)
        {
            var take = Math.Min(utf8.Length, _buffer.Length);
            utf8[..take].CopyTo(Reserve(take));
            utf8 = utf8[take..];
        }
    }

    public void WriteString(string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        if (byteCount <= 1024)
        {
            Span<byte> bytes = stackalloc byte[byteCount];
            Encoding.UTF8.GetBytes(value, bytes);
            WriteString(bytes);
            return;
        }

        WriteString(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Bytes as they are, in chunks when longer than the buffer.</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var room = _buffer.Length - _position;
            if (room == 0)
            {
                Flush();
                room = _buffer.Length;
            }

            var take = Math.Min(room, bytes.Length);
            bytes[..take].CopyTo(_buffer.AsSpan(_position));
            _position += take;
            bytes = bytes[take..];
        }
    }

    /// <summary>The null marker of a Nullable column: 1 for NULL (nothing follows), 0 for a value (the value follows).</summary>
    public void WriteNullMarker(bool isNull) => WriteUInt8(isNull ? (byte)1 : (byte)0);

    public void WriteVarUInt(ulong value)
    {
        while (value >= 0x80)
        {
            WriteUInt8((byte)(value | 0x80));
            value >>= 7;
        }

        WriteUInt8((byte)value);
    }

    /// <summary>Hands everything buffered so far to the flush callback.</summary>
    public void Flush()
    {
        if (_position == 0)
        {
            return;
        }

        _flush(_buffer.AsMemory(0, _position));
        BytesWritten += _position;
        _position = 0;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private Span<byte> Reserve(int size)
    {
        if (_position + size > _buffer.Length)
        {
            Flush();
        }

        var span = _buffer.AsSpan(_position, size);
        _position += size;
        return span;
    }
}
