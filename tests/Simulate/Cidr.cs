using System.Net;

namespace LogSentinel.Tests.Simulate;

/// <summary>An IPv4 CIDR range, parsed independently of the simulator's own code.</summary>
internal sealed record Cidr(uint Network, uint Mask)
{
    public static Cidr Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var prefix = int.Parse(text[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        return new Cidr(ToUInt(text[..slash]) & mask, mask);
    }

    public bool Contains(string ip) => (ToUInt(ip) & Mask) == Network;

    public static uint ToUInt(string ip)
    {
        var bytes = IPAddress.Parse(ip).GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }
}
