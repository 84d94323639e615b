using LogSentinel.Ingest.DeadLetters;
using static LogSentinel.Tests.Ingest.IngestTestData;

namespace LogSentinel.Tests.Ingest;

public sealed class GatewayCombinedParserTests
{
    [Fact]
    public void Parse_SpecExample_FillsEveryField()
    {
        var (outcome, batch) = ParseCombined(SpecGatewayCombined);

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal(SpecInstantMs, batch.TimestampMs[0]);
        Assert.Equal(Ip("10.52.4.21"), batch.ClientIp[0]);
        Assert.Equal("tp.vpdk.nguyenvana", batch.Account.GetString(0));
        Assert.Equal("POST", batch.Method.GetString(0));
        Assert.Equal("/api/dancu/v1/tra-cuu", batch.Path.GetString(0));
        Assert.Equal(200, batch.Status[0]);
        Assert.Equal(1834UL, batch.BytesOut[0]);
        Assert.Equal("Mozilla/4.0 (compatible; Win32; WinHttp.WinHttpRequest.5)", batch.UserAgent.GetString(0));
        Assert.Equal(84f, batch.LatencyMs[0], 0.001f);
        Assert.Equal("9f1c2a", batch.RequestId.GetString(0));
        Assert.Equal(string.Empty, batch.Agency.GetString(0));
        Assert.Equal(string.Empty, batch.Extra.GetString(0));
    }

    [Fact]
    public void Parse_WithoutRequestTimeAndId_LatencyIsNaN()
    {
        var (outcome, batch) = ParseCombined(
            """10.52.4.21 - - [15/Jan/2024:09:12:33 +0700] "GET /api/dancu/v1/tra-cuu?id=5 HTTP/1.1" 403 0 "https://portal.example/" "curl/8.4.0" """);

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.True(float.IsNaN(batch.LatencyMs[0]));
        Assert.Equal(string.Empty, batch.Account.GetString(0));
        Assert.Equal(string.Empty, batch.RequestId.GetString(0));
        Assert.Equal("/api/dancu/v1/tra-cuu", batch.Path.GetString(0));
        Assert.Equal("""{"http_referer":"https://portal.example/"}""", batch.Extra.GetString(0));
    }

    [Fact]
    public void Parse_RequestTimeDashAndNoRequestId_AreAbsent()
    {
        var (outcome, batch) = ParseCombined(
            """2001:db8::7 - svc.motcua [15/Jan/2024:09:12:33 -0130] "GET / HTTP/1.0" 200 - "-" "-" - "-" """);

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.True(float.IsNaN(batch.LatencyMs[0]));
        Assert.Equal(0UL, batch.BytesOut[0]);
        Assert.Equal(string.Empty, batch.UserAgent.GetString(0));
        Assert.Equal(Ip("2001:db8::7"), batch.ClientIp[0]);
        Assert.Equal(SpecInstantMs + 30_600_000, batch.TimestampMs[0]); // 09:12:33-01:30 is 10:42:33Z, 8.5 h after 02:12:33Z
    }

    [Fact]
    public void Parse_NginxEscapes_AreDecoded()
    {
        var (outcome, batch) = ParseCombined(
            """10.0.0.1 - a [15/Jan/2024:09:12:33 +0700] "GET /x HTTP/1.1" 200 1 "-" "VBA \x22Excel\x22 Tr\xC3\xACnh" 0.001 "r1" """);

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal("VBA \"Excel\" Trình", batch.UserAgent.GetString(0));
    }

    [Fact]
    public void Parse_TrailingFields_KeptInExtra()
    {
        var (outcome, batch) = ParseCombined(
            """10.0.0.1 - a [15/Jan/2024:09:12:33 +0700] "GET /x HTTP/1.1" 200 1 "-" "ua" 0.010 "r1" upstream=10.1.1.1:8080""");

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal("""{"unparsed":"upstream=10.1.1.1:8080"}""", batch.Extra.GetString(0));
    }

    [Fact]
    public void Parse_LineWithByteOrderMark_ParsesAsWithout()
    {
        Assert.True(ParseCombined("\uFEFF" + SpecGatewayCombined).Outcome.IsSuccess);
    }

    [Fact]
    public void Parse_BadRequestLine_IsMalformed()
    {
        var (outcome, _) = ParseCombined(
            """10.0.0.1 - - [15/Jan/2024:09:12:33 +0700] "\x16\x03\x01" 400 150 "-" "-" """);

        Assert.Equal(DeadLetterReason.MalformedLine, outcome.Reason);
        Assert.Equal("request", outcome.Field);
    }
}
