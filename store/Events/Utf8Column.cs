using System.Text;

namespace LogSentinel.Store.Events;

/// <summary>
/// A column of UTF-8 strings kept as slices of one growing byte arena, so a batch of a million events
/// holds its text without a million string objects.
/// </summary>
public sealed class Utf8Column
{
    private byte[] _arena;
    private int[] _offsets;
    private int[] _lengths;
    private int _used;

    internal Utf8Column(int capacity)
    {
        _arena = new byte[Math.Max(capacity * 16, 256)];
        _offsets = new int[capacity];
        _lengths = new int[capacity];
    }

    /// <summary>The UTF-8 bytes of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<byte> this[int row] => _arena.AsSpan(_offsets[row], _lengths[row]);

    /// <summary>Row <paramref name="row"/> as a .NET string (allocates; not for hot paths).</summary>
    public string GetString(int row) => Encoding.UTF8.GetString(this[row]);

    internal void Set(int row, ReadOnlySpan<byte> value)
    {
        if (row >= _offsets.Length)
        {
            var size = Math.Max(row + 1, _offsets.Length * 2);
            Array.Resize(ref _offsets, size);
            Array.Resize(ref _lengths, size);
        }

        if (_used + value.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _used + value.Length));
        }

        value.CopyTo(_arena.AsSpan(_used));
        _offsets[row] = _used;
        _lengths[row] = value.Length;
        _used += value.Length;
    }

    internal void Clear() => _used = 0;

    internal int ArenaBytes => _used;
}
