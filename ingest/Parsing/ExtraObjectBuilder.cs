using LogSentinel.Ingest.DeadLetters;

namespace LogSentinel.Ingest.Parsing;

/// <summary>
/// Builds the <c>Extra</c> column of one event: a JSON object of the line's fields that have no column of their own,
/// or empty when there are none. The finished object is masked like a dead letter, since an unknown field can carry
/// a citizen id.
/// </summary>
internal sealed class ExtraObjectBuilder
{
    private byte[] _buffer = new byte[256];
    private int _length;

    public void Reset() => _length = 0;

    /// <summary>Appends a member exactly as it appears in the line (<c>"name":value</c>).</summary>
    public void AppendRawMember(ReadOnlySpan<byte> member)
    {
        var target = Open(member.Length);
        member.CopyTo(target);
        _length += member.Length;
    }

    /// <summary>Appends <c>"name":"value"</c>, escaping <paramref name="value"/> as a JSON string.</summary>
    public void AppendStringMember(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        // Worst case every byte becomes \u00XX.
        var target = Open(name.Length + 3 + (value.Length * 6) + 2);
        var n = 0;
        target[n++] = (byte)'"';
        name.CopyTo(target[n..]);
        n += name.Length;
        target[n++] = (byte)'"';
        target[n++] = (byte)':';
        target[n++] = (byte)'"';
        foreach (var b in value)
        {
            if (b is (byte)'"' or (byte)'\\')
            {
                target[n++] = (byte)'\\';
                target[n++] = b;
            }
            else if (b < 0x20)
            {
                ReadOnlySpan<byte> hex = "0123456789abcdef"u8;
                target[n++] = (byte)'\\';
                target[n++] = (byte)'u';
                target[n++] = (byte)'0';
                target[n++] = (byte)'0';
                target[n++] = hex[b >> 4];
                target[n++] = hex[b & 0xF];
            }
            else
            {
                target[n++] = b;
            }
        }

        target[n++] = (byte)'"';
        _length += n;
    }

    /// <summary>The finished, masked object; empty when no member was appended. Valid until the next <see cref="Reset"/>.</summary>
    public ReadOnlySpan<byte> Complete()
    {
        if (_length == 0)
        {
            return default;
        }

        Ensure(1);
        _buffer[_length++] = (byte)'}';
        var result = _buffer.AsSpan(0, _length);
        RawLineMasker.MaskInPlace(result);
        return result;
    }

    /// <summary>Writes the separator before a member and returns room for it.</summary>
    private Span<byte> Open(int memberLength)
    {
        Ensure(memberLength + 2);
        var separator = _length == 0 ? (byte)'{' : (byte)',';
        _buffer[_length++] = separator;
        return _buffer.AsSpan(_length);
    }

    private void Ensure(int extra)
    {
        if (_length + extra > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + extra));
        }
    }
}
