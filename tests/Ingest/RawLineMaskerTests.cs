using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LogSentinel.Ingest.DeadLetters;

namespace LogSentinel.Tests.Ingest;

public sealed partial class RawLineMaskerTests
{
    [GeneratedRegex("(?<![0-9])[0-9]{12}(?![0-9])")]
    private static partial Regex TwelveDigitRun();

    private static string Mask(string s) => Encoding.UTF8.GetString(RawLineMasker.Mask(Encoding.UTF8.GetBytes(s)));

    [Theory]
    [InlineData("""{"citizen_id":"052301004512"}""", """{"citizen_id":"052*********"}""")]
    [InlineData("id 052301004512 and 079300123456.", "id 052********* and 079*********.")]
    [InlineData("ts 1705284753123 is 13 digits", "ts 1705284753123 is 13 digits")]
    [InlineData("""{"citizen_id":"05230100451"}""", """{"citizen_id":"052********"}""")]
    [InlineData("""{"citizen_id" : "A52301004512"}""", """{"citizen_id" : "************"}""")]
    [InlineData("""{"citizen_id":52301004512,"x":1}""", """{"citizen_id":523********,"x":1}""")]
    [InlineData("""{"citizen_id":"0523010\"04512""", """{"citizen_id":"052***********""")]
    [InlineData("""{"citizen_id":null}""", """{"citizen_id":null}""")]
    [InlineData("GET /tra-cuu?citizen_id=0523010045&x=1 HTTP/1.1", "GET /tra-cuu?citizen_id=052*******&x=1 HTTP/1.1")]
    [InlineData("abc052301004512def", "abc052*********def")]
    public void Mask_KnownInput_MasksCitizenIds(string raw, string expected)
    {
        Assert.Equal(expected, Mask(raw));
    }

    [Property(MaxTest = 1000)]
    public Property Mask_AnyText_LeavesNoTwelveDigitRunAndKeepsLength()
    {
        var chars = Gen.Elements('0', '1', '2', '5', '9', '9', '9', ' ', '"', ':', 'a', 'ệ', '\\');
        var digitsRun = Gen.Choose(1, 30).SelectMany(n => Gen.ArrayOf(Gen.Elements('0', '5', '7', '9'), n)).Select(a => new string(a));
        var piece = Gen.OneOf(chars.Select(c => c.ToString()), digitsRun, Gen.Constant("\"citizen_id\":\""), Gen.Constant("?citizen_id="));
        var text = Gen.ListOf(piece).Select(parts => string.Concat(parts)).ToArbitrary();

        return Prop.ForAll(text, s =>
        {
            var raw = Encoding.UTF8.GetBytes(s);
            var masked = RawLineMasker.Mask(raw);
            var maskedText = Encoding.UTF8.GetString(masked);
            return masked.Length == raw.Length
                && !TwelveDigitRun().IsMatch(maskedText)
                && System.Text.Unicode.Utf8.IsValid(masked);
        });
    }

    [Property(MaxTest = 300)]
    public Property Mask_CitizenIdFieldValue_KeepsOnlyProvince()
    {
        var ids = Gen.Choose(1, 20).SelectMany(n => Gen.ArrayOf(Gen.Elements("0123456789xY-ệ".ToCharArray()), n)).Select(a => new string(a)).ToArbitrary();

        return Prop.ForAll(ids, id =>
        {
            var masked = Mask("{\"a\":1,\"citizen_id\":\"" + id + "\",\"b\":2}");
            var value = masked.Split("\"citizen_id\":\"")[1].Split('"')[0];
            var kept = value.TrimEnd('*');
            return kept.Length <= 3 && kept.All(char.IsAsciiDigit) && masked.EndsWith("\",\"b\":2}", StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Mask_IntoDestination_WritesSameLength()
    {
        var raw = "x 052301004512 y"u8;
        var destination = new byte[raw.Length + 4];

        var written = RawLineMasker.Mask(raw, destination);

        Assert.Equal(raw.Length, written);
        Assert.Equal("x 052********* y", Encoding.ASCII.GetString(destination, 0, written));
    }
}
