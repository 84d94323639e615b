using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LogSentinel.Ingest.Privacy;
using static LogSentinel.Tests.Ingest.IngestTestData;

namespace LogSentinel.Tests.Ingest;

public sealed class CitizenIdPseudonymizerTests
{
    private static string Expected(byte[] key, string id) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(id)).AsSpan(0, CitizenIdPseudonymizer.PseudonymBytes));

    private static string Pseudonym(CitizenIdPseudonymizer p, string id)
    {
        var destination = new byte[CitizenIdPseudonymizer.PseudonymLength];
        Assert.True(p.TryPseudonymize(Encoding.ASCII.GetBytes(id), destination));
        return Encoding.ASCII.GetString(destination);
    }

    [Fact]
    public void Pseudonymize_IsTruncatedHmacSha256InLowercaseHex()
    {
        using var pseudonymizer = new CitizenIdPseudonymizer(Key);

        var pseudonym = Pseudonym(pseudonymizer, "052301004512");

        Assert.Equal(Expected(Key, "052301004512"), pseudonym);
        Assert.Matches("^[0-9a-f]{20}$", pseudonym);
    }

    [Property(MaxTest = 300)]
    public Property Pseudonymize_NativeAndFallbackPaths_AgreeWithHmacSha256()
    {
        var keys = Gen.Choose(32, 200).SelectMany(n => Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), n));
        var ids = Gen.ArrayOf(Gen.Choose(0, 9), 12).Select(d => string.Concat(d));
        var cases = keys.SelectMany(k => ids.Select(id => (Key: k, Id: id))).ToArbitrary();

        return Prop.ForAll(cases, c =>
        {
            using var native = new CitizenIdPseudonymizer(c.Key);
            using var fallback = new CitizenIdPseudonymizer(c.Key, useNativeTransform: false);
            var expected = Expected(c.Key, c.Id);
            return Pseudonym(native, c.Id) == expected && Pseudonym(fallback, c.Id) == expected;
        });
    }

    [Fact]
    public void Pseudonymize_OnLinuxWithOpenSsl_UsesNativeTransform()
    {
        using var pseudonymizer = new CitizenIdPseudonymizer(Key);

        Assert.Equal(NativeSha256.IsAvailable, pseudonymizer.UsesNativeTransform);
    }

    [Fact]
    public void Pseudonymize_DifferentKeys_GiveDifferentPseudonyms()
    {
        using var a = new CitizenIdPseudonymizer(Key);
        using var b = new CitizenIdPseudonymizer(Enumerable.Repeat((byte)7, 32).ToArray());

        Assert.NotEqual(Pseudonym(a, "079300123456"), Pseudonym(b, "079300123456"));
    }

    [Fact]
    public void Create_NativeSha256Disabled_UsesIncrementalHash()
    {
        using var pseudonymizer = CitizenIdPseudonymizer.Create(
            new PseudonymizationOptions { Key = Convert.ToBase64String(Key), UseNativeSha256 = false });

        Assert.False(pseudonymizer.UsesNativeTransform);
        Assert.Equal(Expected(Key, "060123456789"), Pseudonym(pseudonymizer, "060123456789"));
    }

    [Theory]
    [InlineData("05230100451")]
    [InlineData("05230100451x")]
    public void TryPseudonymize_NotACitizenId_ReturnsFalse(string id)
    {
        using var pseudonymizer = new CitizenIdPseudonymizer(Key);

        Assert.False(pseudonymizer.TryPseudonymize(Encoding.ASCII.GetBytes(id), new byte[20]));
    }

    [Fact]
    public void Constructor_ShortKey_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new CitizenIdPseudonymizer(new byte[31]));

        Assert.Contains("32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FromOptions_DecodesBase64AndValidates()
    {
        using var fromOptions = CitizenIdPseudonymizer.Create(new PseudonymizationOptions { Key = Convert.ToBase64String(Key) });
        using var direct = new CitizenIdPseudonymizer(Key);

        Assert.Equal(Pseudonym(direct, "001099000001"), Pseudonym(fromOptions, "001099000001"));
        Assert.Throws<InvalidOperationException>(() => CitizenIdPseudonymizer.Create(new PseudonymizationOptions()));
        Assert.Throws<InvalidOperationException>(() => CitizenIdPseudonymizer.Create(new PseudonymizationOptions { Key = "not base64!" }));
        Assert.Throws<InvalidOperationException>(() => CitizenIdPseudonymizer.Create(new PseudonymizationOptions { Key = Convert.ToBase64String(new byte[16]) }));
    }
}
