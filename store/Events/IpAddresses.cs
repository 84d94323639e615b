using System.Buffers.Binary;
using System.Net;

namespace LogSentinel.Store.Events;

/// <summary>
/// Addresses travel as <see cref="UInt128"/> holding the 16 bytes of an IPv6 address as a big-endian number
/// (IPv4 mapped as ::ffff:a.b.c.d), the way ClickHouse's IPv6 column stores them.
/// </summary>
public static class IpAddresses
{
    public static UInt128 FromIPAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var v6 = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? address.MapToIPv6() : address;
        Span<byte> bytes = stackalloc byte[16];
        v6.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    public static IPAddress ToIPAddress(UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new IPAddress(bytes);
    }
}
