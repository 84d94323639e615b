using System.Globalization;
using System.Text;
using LogSentinel.Ingest.DeadLetters;
using LogSentinel.Ingest.Parsing;

namespace LogSentinel.Tests.Ingest;

public sealed class TimestampParserTests
{
    [Theory]
    [InlineData("2024-01-15T09:12:33.123+07:00", "2024-01-15T02:12:33.123Z")]
    [InlineData("2024-01-15T02:12:33Z", "2024-01-15T02:12:33.000Z")]
    [InlineData("2024-01-15t02:12:33.1z", "2024-01-15T02:12:33.100Z")]
    [InlineData("2024-01-15 02:12:33.123456789-05:30", "2024-01-15T07:42:33.123Z")]
    [InlineData("2024-02-29T23:59:59.999+00:00", "2024-02-29T23:59:59.999Z")]
    [InlineData("1969-12-31T23:59:59.500Z", "1969-12-31T23:59:59.500Z")]
    [InlineData("2016-12-31T23:59:60Z", "2017-01-01T00:00:00.000Z")]
    public void Rfc3339_ValidTimestamp_GivesUnixMs(string text, string utc)
    {
        var reason = Rfc3339Timestamp.Parse(Encoding.ASCII.GetBytes(text), out var unixMs);

        Assert.Equal(DeadLetterReason.None, reason);
        Assert.Equal(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), unixMs);
    }

    [Theory]
    [InlineData("2024-01-15T09:12:33.123", DeadLetterReason.MissingOffset)]
    [InlineData("2024-01-15T09:12:33", DeadLetterReason.MissingOffset)]
    [InlineData("2024-01-15", DeadLetterReason.BadTimestamp)]
    [InlineData("2024-13-15T09:12:33Z", DeadLetterReason.BadTimestamp)]
    [InlineData("2023-02-29T09:12:33Z", DeadLetterReason.BadTimestamp)]
    [InlineData("2024-01-15T24:00:00Z", DeadLetterReason.BadTimestamp)]
    [InlineData("2024-01-15T09:12:33.Z", DeadLetterReason.BadTimestamp)]
    [InlineData("2024-01-15T09:12:33+0700", DeadLetterReason.BadTimestamp)]
    [InlineData("2024-01-15T09:12:33+07:00 ", DeadLetterReason.BadTimestamp)]
    [InlineData("2024-01-15T09:12:33+24:00", DeadLetterReason.BadTimestamp)]
    [InlineData("0000-01-15T09:12:33Z", DeadLetterReason.BadTimestamp)]
    public void Rfc3339_BadTimestamp_GivesReason(string text, DeadLetterReason expected)
    {
        Assert.Equal(expected, Rfc3339Timestamp.Parse(Encoding.ASCII.GetBytes(text), out _));
    }

    [Theory]
    [InlineData("15/Jan/2024:09:12:33 +0700", "2024-01-15T02:12:33Z")]
    [InlineData("01/dec/1999:23:59:59 -0000", "1999-12-01T23:59:59Z")]
    [InlineData("29/Feb/2024:00:00:00 -0930", "2024-02-29T09:30:00Z")]
    public void Combined_ValidTimestamp_GivesUnixMs(string text, string utc)
    {
        var reason = CombinedTimestamp.Parse(Encoding.ASCII.GetBytes(text), out var unixMs);

        Assert.Equal(DeadLetterReason.None, reason);
        Assert.Equal(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), unixMs);
    }

    [Theory]
    [InlineData("15/Jan/2024:09:12:33", DeadLetterReason.MissingOffset)]
    [InlineData("15/Jan/2024:09:12:33 0700", DeadLetterReason.BadTimestamp)]
    [InlineData("32/Jan/2024:09:12:33 +0700", DeadLetterReason.BadTimestamp)]
    [InlineData("15/Jax/2024:09:12:33 +0700", DeadLetterReason.BadTimestamp)]
    [InlineData("15/Jan/2024:09:12:33 +07:00", DeadLetterReason.BadTimestamp)]
    public void Combined_BadTimestamp_GivesReason(string text, DeadLetterReason expected)
    {
        Assert.Equal(expected, CombinedTimestamp.Parse(Encoding.ASCII.GetBytes(text), out _));
    }
}
