using System.Buffers.Text;

namespace LogSentinel.Simulate.Output;

/// <summary>Small UTF-8 writers over a span and a running position: no strings, no allocation.</summary>
internal static class Utf8Text
{
    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    public static void Append(Span<byte> dest, ref int pos, ReadOnlySpan<byte> text)
    {
        text.CopyTo(dest[pos..]);
        pos += text.Length;
    }

    public static void Append(Span<byte> dest, ref int pos, byte value) => dest[pos++] = value;

    public static void Number(Span<byte> dest, ref int pos, long value)
    {
        Utf8Formatter.TryFormat(value, dest[pos..], out var written);
        pos += written;
    }

    public static void TwoDigits(Span<byte> dest, ref int pos, int value)
    {
        dest[pos] = (byte)('0' + (value / 10));
        dest[pos + 1] = (byte)('0' + (value % 10));
        pos += 2;
    }

    public static void ThreeDigits(Span<byte> dest, ref int pos, int value)
    {
        dest[pos] = (byte)('0' + (value / 100));
        dest[pos + 1] = (byte)('0' + (value / 10 % 10));
        dest[pos + 2] = (byte)('0' + (value % 10));
        pos += 3;
    }

    /// <summary>The low <paramref name="digits"/> nibbles of <paramref name="value"/> as lowercase hex.</summary>
    public static void Hex(Span<byte> dest, ref int pos, ulong value, int digits)
    {
        for (var i = digits - 1; i >= 0; i--)
        {
            dest[pos + i] = HexDigits[(int)(value & 0xF)];
            value >>= 4;
        }

        pos += digits;
    }

    public static void Ip(Span<byte> dest, ref int pos, uint ip) => pos += World.Ipv4.Write(ip, dest[pos..]);
}
