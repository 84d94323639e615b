using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LogSentinel.Store.Events;

/// <summary>An address range as <see cref="IpAddresses"/> numbers: a CIDR block, or a single address.</summary>
public readonly record struct IpRange(UInt128 Start, UInt128 End)
{
    public bool Contains(UInt128 address) => address >= Start && address <= End;

    /// <summary>Parses <c>a.b.c.d/n</c>, an IPv6 prefix, or a lone address; <paramref name="problem"/> says what is wrong otherwise.</summary>
    public static bool TryParse(string cidr, out IpRange range, out string problem)
    {
        ArgumentNullException.ThrowIfNull(cidr);
        range = default;
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? cidr : cidr[..slash];
        // IPAddress also accepts inet_aton shorthands such as "10.52.4"; a range is written in full.
        if (!IPAddress.TryParse(addressText, out var address) || addressText.Contains('%', StringComparison.Ordinal)
            || (address.AddressFamily == AddressFamily.InterNetwork && addressText.Count(c => c == '.') != 3))
        {
            problem = $"'{cidr}' is not an IPv4 or IPv6 address range (like 10.52.4.0/24)";
            return false;
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(cidr.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
        {
            problem = $"'{cidr}' has an invalid prefix length (0 to {bits})";
            return false;
        }

        var value = IpAddresses.FromIPAddress(address);
        var hostBits = bits - prefix;
        var hostMask = hostBits == 0 ? UInt128.Zero : (UInt128.One << hostBits) - 1;
        range = new IpRange(value & ~hostMask, value | hostMask);
        problem = string.Empty;
        return true;
    }
}
