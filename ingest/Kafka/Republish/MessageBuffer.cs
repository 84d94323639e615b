using System.Buffers.Binary;

namespace LogSentinel.Ingest.Kafka.Republish;

/// <summary>A growable byte buffer the event batch format is written into; reused message after message.</summary>
internal sealed class MessageBuffer
{
    private byte[] _bytes = new byte[4096];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public byte[] ToArray() => Written.ToArray();

    public void Byte(byte value) => Reserve(1)[0] = value;

    public void UInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), value);

    public void Int32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);

    public void Int64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), value);

    public void UInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);

    public void UInt128(UInt128 value) => BinaryPrimitives.WriteUInt128LittleEndian(Reserve(16), value);

    public void Single(float value) => BinaryPrimitives.WriteSingleLittleEndian(Reserve(4), value);

    /// <summary>A 7-bit encoded length, then the bytes.</summary>
    public void Text(ReadOnlySpan<byte> value)
    {
        var length = (uint)value.Length;
        while (length >= 0x80)
        {
            Byte((byte)(length | 0x80));
            length >>= 7;
        }

        Byte((byte)length);
        value.CopyTo(Reserve(value.Length));
    }

    /// <summary>Bytes already in the format (an event encoded on its own).</summary>
    public void Raw(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    public void PatchInt32(int at, int value) => BinaryPrimitives.WriteInt32LittleEndian(_bytes.AsSpan(at, 4), value);

    private Span<byte> Reserve(int count)
    {
        if (Length + count > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + count));
        }

        var span = _bytes.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
