using System.Globalization;

namespace LogSentinel.Simulate.World;

/// <summary>IPv4 addresses as big-endian integers, and their text form written straight into UTF-8 buffers.</summary>
internal static class Ipv4
{
    public static uint Make(int a, int b, int c, int d) => ((uint)a << 24) | ((uint)b << 16) | ((uint)c << 8) | (uint)d;

    public static string ToText(uint ip) => string.Create(
        CultureInfo.InvariantCulture, $"{ip >> 24}.{(ip >> 16) & 0xFF}.{(ip >> 8) & 0xFF}.{ip & 0xFF}");

    /// <summary>Writes the dotted quad to <paramref name="dest"/> and returns the bytes written (at most 15).</summary>
    public static int Write(uint ip, Span<byte> dest)
    {
        var pos = WriteOctet((int)(ip >> 24), dest);
        dest[pos++] = (byte)'.';
        pos += WriteOctet((int)((ip >> 16) & 0xFF), dest[pos..]);
        dest[pos++] = (byte)'.';
        pos += WriteOctet((int)((ip >> 8) & 0xFF), dest[pos..]);
        dest[pos++] = (byte)'.';
        pos += WriteOctet((int)(ip & 0xFF), dest[pos..]);
        return pos;
    }

    /// <summary>True for addresses no registered agency network or public host would use (private, loopback, reserved).</summary>
    public static bool IsPrivateOrReserved(uint ip)
    {
        var a = ip >> 24;
        var b = (ip >> 16) & 0xFF;
        return a is 0 or 10 or 127 or >= 224 || (a == 172 && b is >= 16 and <= 31) || (a == 192 && b == 168)
            || (a == 169 && b == 254) || (a == 100 && b is >= 64 and <= 127);
    }

    private static int WriteOctet(int value, Span<byte> dest)
    {
        if (value >= 100)
        {
            dest[0] = (byte)('0' + (value / 100));
            dest[1] = (byte)('0' + (value / 10 % 10));
            dest[2] = (byte)('0' + (value % 10));
            return 3;
        }

        if (value >= 10)
        {
            dest[0] = (byte)('0' + (value / 10));
            dest[1] = (byte)('0' + (value % 10));
            return 2;
        }

        dest[0] = (byte)('0' + value);
        return 1;
    }
}
