namespace LogSentinel.Ingest.Parsing;

/// <summary>
/// Parses textual IPv4 and IPv6 addresses into the <see cref="UInt128"/> form of the store's <c>client_ip</c> column.
/// </summary>
/// <remarks>
/// Byte order: the value is the 16 address bytes read as one big-endian number, so byte 0 of the address (network
/// order) is the most significant byte of the <see cref="UInt128"/>: <c>2001:db8::1</c> is
/// <c>0x20010db8_00000000_00000000_00000001</c>. IPv4 is mapped into IPv6 as <c>::ffff:a.b.c.d</c>, which is how
/// ClickHouse's IPv6 type stores IPv4 addresses: <c>10.52.4.21</c> is <c>0x0000ffff_0a340415</c>. The RowBinary writer
/// writes the value big-endian (network order), and numeric order equals ClickHouse's IPv6 order.
/// Accepted: dotted-quad IPv4 (1-3 decimal digits per part, leading zeros read as decimal) and RFC 4291 IPv6 with
/// <c>::</c> compression and an embedded IPv4 tail. Rejected: zone ids (<c>%eth0</c>), brackets, ports, and the
/// shorthand IPv4 forms (<c>10.1</c>, hex or octal parts) that some libraries accept.
/// </remarks>
internal static class IpAddressParser
{
    private const ulong IPv4MappedPrefix = 0xFFFF_0000_0000UL;

    public static bool TryParse(ReadOnlySpan<byte> text, out UInt128 address)
    {
        address = UInt128.Zero;
        if (text.IsEmpty || text.Length > 45)
        {
            return false;
        }

        if (text.IndexOf((byte)':') < 0)
        {
            if (!TryParseIPv4(text, out var v4))
            {
                return false;
            }

            address = new UInt128(0, IPv4MappedPrefix | v4);
            return true;
        }

        return TryParseIPv6(text, out address);
    }

    /// <summary>Formats <paramref name="address"/> back to text (tests and diagnostics; allocates).</summary>
    public static string Format(UInt128 address)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, address);
        return new System.Net.IPAddress(bytes).ToString();
    }

    private static bool TryParseIPv4(ReadOnlySpan<byte> text, out uint value)
    {
        value = 0;
        var i = 0;
        uint result = 0;
        for (var part = 0; part < 4; part++)
        {
            if (part > 0)
            {
                if (i >= text.Length || text[i] != (byte)'.')
                {
                    return false;
                }

                i++;
            }

            var start = i;
            uint octet = 0;
            while (i < text.Length && i - start < 3)
            {
                var digit = (uint)(text[i] - '0');
                if (digit > 9)
                {
                    break;
                }

                octet = (octet * 10) + digit;
                i++;
            }

            if (i == start || octet > 255)
            {
                return false;
            }

            result = (result << 8) | octet;
        }

        if (i != text.Length)
        {
            return false;
        }

        value = result;
        return true;
    }

    private static bool TryParseIPv6(ReadOnlySpan<byte> text, out UInt128 address)
    {
        address = UInt128.Zero;
        Span<ushort> groups = stackalloc ushort[8];
        var count = 0;
        var gap = -1;
        var i = 0;

        if (text[0] == (byte)':')
        {
            if (text.Length < 2 || text[1] != (byte)':')
            {
                return false;
            }

            gap = 0;
            i = 2;
        }

        while (i < text.Length)
        {
            if (count == 8)
            {
                return false;
            }

            var start = i;
            uint group = 0;
            while (i < text.Length)
            {
                var nibble = HexValue(text[i]);
                if (nibble < 0)
                {
                    break;
                }

                group = (group << 4) | (uint)nibble;
                i++;
                if (i - start > 4)
                {
                    return false;
                }
            }

            if (i < text.Length && text[i] == (byte)'.')
            {
                // The embedded IPv4 tail takes the last two groups.
                if (count > 6 || !TryParseIPv4(text[start..], out var v4))
                {
                    return false;
                }

                groups[count++] = (ushort)(v4 >> 16);
                groups[count++] = (ushort)v4;
                i = text.Length;
                break;
            }

            if (i == start)
            {
                return false;
            }

            groups[count++] = (ushort)group;
            if (i == text.Length)
            {
                break;
            }

            if (text[i] != (byte)':')
            {
                return false;
            }

            i++;
            if (i < text.Length && text[i] == (byte)':')
            {
                if (gap >= 0)
                {
                    return false;
                }

                gap = count;
                i++;
            }
            else if (i == text.Length)
            {
                return false;
            }
        }

        if ((gap < 0 && count != 8) || (gap >= 0 && count > 7))
        {
            return false;
        }

        UInt128 result = UInt128.Zero;
        var zeros = 8 - count;
        for (var g = 0; g < count; g++)
        {
            if (g == gap)
            {
                result <<= 16 * zeros;
            }

            result = (result << 16) | groups[g];
        }

        if (gap == count)
        {
            result <<= 16 * zeros;
        }

        address = result;
        return true;
    }

    private static int HexValue(byte c)
    {
        var digit = (uint)(c - '0');
        if (digit <= 9)
        {
            return (int)digit;
        }

        var letter = (uint)((c | 0x20) - 'a');
        return letter <= 5 ? (int)letter + 10 : -1;
    }
}
