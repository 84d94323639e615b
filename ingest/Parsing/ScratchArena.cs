namespace LogSentinel.Ingest.Parsing;

/// <summary>
/// Per-parser bytes for field values that cannot be slices of the line (unescaped JSON strings, masked paths,
/// pseudonyms). Reset per line and sized to the longest line seen, so steady-state parsing allocates nothing; the
/// spans it hands out live until the next <see cref="Reset"/>, long enough to be copied into the batch.
/// </summary>
internal sealed class ScratchArena
{
    private byte[] _buffer;
    private int _used;

    public ScratchArena(int initialCapacity) => _buffer = new byte[initialCapacity];

    /// <summary>Starts a line that may need up to <paramref name="capacity"/> bytes.</summary>
    public void Reset(int capacity)
    {
        _used = 0;
        if (_buffer.Length < capacity)
        {
            _buffer = new byte[Math.Max(capacity, _buffer.Length * 2)];
        }
    }

    /// <summary>Room for up to <paramref name="length"/> bytes; <see cref="Commit"/> what was written.</summary>
    public Span<byte> Rent(int length)
    {
        if (_used + length > _buffer.Length)
        {
            // Earlier spans keep the old array alive, so replacing it mid-line is safe.
            _buffer = new byte[Math.Max(_used + length, _buffer.Length * 2)];
            _used = 0;
        }

        return _buffer.AsSpan(_used, length);
    }

    public ReadOnlySpan<byte> Commit(int length)
    {
        var committed = _buffer.AsSpan(_used, length);
        _used += length;
        return committed;
    }

    /// <summary>Copies <paramref name="value"/> into the arena.</summary>
    public Span<byte> Copy(ReadOnlySpan<byte> value)
    {
        var target = Rent(value.Length);
        value.CopyTo(target);
        _used += value.Length;
        return target;
    }
}
