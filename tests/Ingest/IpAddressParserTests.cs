using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LogSentinel.Ingest.Parsing;
using static LogSentinel.Tests.Ingest.IngestTestData;

namespace LogSentinel.Tests.Ingest;

public sealed class IpAddressParserTests
{
    [Theory]
    [InlineData("10.52.4.21", "::ffff:10.52.4.21")]
    [InlineData("0.0.0.0", "::ffff:0.0.0.0")]
    [InlineData("255.255.255.255", "::ffff:255.255.255.255")]
    [InlineData("::", "::")]
    [InlineData("::1", "::1")]
    [InlineData("1::", "1::")]
    [InlineData("2001:db8::8a2e:370:7334", "2001:db8::8a2e:370:7334")]
    [InlineData("2001:DB8:0:0:0:0:0:1", "2001:db8::1")]
    [InlineData("::ffff:10.52.4.21", "::ffff:10.52.4.21")]
    [InlineData("64:ff9b::192.0.2.33", "64:ff9b::c000:221")]
    [InlineData("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0")]
    [InlineData("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304")]
    public void TryParse_ValidAddress_MatchesIPAddress(string text, string expected)
    {
        Assert.True(IpAddressParser.TryParse(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(Ip(expected), value);
    }

    [Fact]
    public void TryParse_IPv4_IsMappedBigEndian()
    {
        Assert.True(IpAddressParser.TryParse("10.52.4.21"u8, out var value));
        Assert.Equal(new UInt128(0, 0x0000_FFFF_0A34_0415UL), value);
        Assert.True(IpAddressParser.TryParse("2001:db8::1"u8, out value));
        Assert.Equal(new UInt128(0x2001_0DB8_0000_0000UL, 1), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10.52.4")]
    [InlineData("10.52.4.21.7")]
    [InlineData("10.52.4.256")]
    [InlineData("10.52.4.1234")]
    [InlineData("10..4.21")]
    [InlineData("10.52.4.21 ")]
    [InlineData(":::")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1::2::3")]
    [InlineData("12345::")]
    [InlineData("fe80::1%eth0")]
    [InlineData("[::1]")]
    [InlineData("1:2:3:4:5:6:7:8::")]
    [InlineData("::ffff:1.2.3")]
    [InlineData("1:")]
    [InlineData(":1")]
    [InlineData("g::1")]
    [InlineData("localhost")]
    public void TryParse_InvalidAddress_IsRejected(string text)
    {
        Assert.False(IpAddressParser.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }

    [Property(MaxTest = 500)]
    public Property TryParse_AnyAddressFormattedByDotNet_RoundTrips()
    {
        var v4 = Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 4).Select(b => new IPAddress(b));
        var v6 = Gen.ArrayOf(Gen.Elements<byte>(0, 0, 0, 1, 0xff, 0x20, 0xdb, 0x8a), 16).Select(b => new IPAddress(b));
        var addresses = Gen.OneOf(v4, v6).ToArbitrary();

        return Prop.ForAll(addresses, address =>
        {
            var text = address.ToString();
            var mapped = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? address.MapToIPv6() : address;
            return IpAddressParser.TryParse(Encoding.ASCII.GetBytes(text), out var value)
                && value == System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(mapped.GetAddressBytes());
        });
    }
}
