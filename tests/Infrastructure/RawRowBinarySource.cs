using System.Buffers.Binary;
using LogSentinel.Store.RowBinary;

namespace LogSentinel.Tests.Infrastructure;

/// <summary>A RowBinary body received over HTTP, handed to the embedded engine's stream insert unchanged.</summary>
internal sealed class RawRowBinarySource(string table, IReadOnlyList<string> columns, ReadOnlyMemory<byte> data, int rows) : IRowSource
{
    public string Table => table;

    public IReadOnlyList<string> Columns => columns;

    public int Count => rows;

    public void WriteRowBinary(RowBinaryWriter writer)
    {
        // The writer has no raw-bytes call; eight bytes at a time through a little-endian round trip copies them exactly.
        var span = data.Span;
        var position = 0;
        for (; position + 8 <= span.Length; position += 8)
        {
            writer.WriteUInt64(BinaryPrimitives.ReadUInt64LittleEndian(span[position..]));
        }

        for (; position < span.Length; position++)
        {
            writer.WriteUInt8(span[position]);
        }
    }

    public IEnumerable<object?[]> ToValues() => throw new NotSupportedException("A raw RowBinary body has no decoded values.");
}
