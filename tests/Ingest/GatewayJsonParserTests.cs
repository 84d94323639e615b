using LogSentinel.Ingest.DeadLetters;
using static LogSentinel.Tests.Ingest.IngestTestData;

namespace LogSentinel.Tests.Ingest;

public sealed class GatewayJsonParserTests
{
    [Fact]
    public void Parse_SpecExample_FillsEveryField()
    {
        var (outcome, batch) = ParseGatewayJson(SpecGatewayJson);

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal(1, batch.Count);
        Assert.Equal(SpecInstantMs + 123, batch.TimestampMs[0]);
        Assert.Equal(Ip("10.52.4.21"), batch.ClientIp[0]);
        Assert.Equal("POST", batch.Method.GetString(0));
        Assert.Equal("/api/dancu/v1/tra-cuu", batch.Path.GetString(0));
        Assert.Equal(200, batch.Status[0]);
        Assert.Equal(84f, batch.LatencyMs[0]);
        Assert.Equal(1834UL, batch.BytesOut[0]);
        Assert.Equal("Mozilla/5.0 (Windows NT 10.0; Win64; x64)", batch.UserAgent.GetString(0));
        Assert.Equal("tp.vpdk.nguyenvana", batch.Account.GetString(0));
        Assert.Equal("BTH-VPDK-TUYPHONG", batch.Agency.GetString(0));
        Assert.Equal("dancu.tra-cuu-cong-dan", batch.Api.GetString(0));
        Assert.Equal("9f1c2a", batch.RequestId.GetString(0));
        Assert.Equal("kafka:test", batch.Source.GetString(0));
        Assert.Equal(string.Empty, batch.Extra.GetString(0));
        Assert.Equal(Source.EventKey(Utf8(SpecGatewayJson)), batch.EventKey[0]);
    }

    [Fact]
    public void Parse_OnlyRequiredFields_GivesDocumentedDefaults()
    {
        var (outcome, batch) = ParseGatewayJson("""{"ts":"2024-01-15T02:12:33Z","client_ip":"::1","method":"GET","path":"/","status":404}""");

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.True(float.IsNaN(batch.LatencyMs[0]));
        Assert.Equal(0UL, batch.BytesOut[0]);
        Assert.Equal(string.Empty, batch.UserAgent.GetString(0));
        Assert.Equal(string.Empty, batch.Account.GetString(0));
        Assert.Equal(string.Empty, batch.Agency.GetString(0));
        Assert.Equal(string.Empty, batch.Api.GetString(0));
        Assert.Equal(string.Empty, batch.RequestId.GetString(0));
        Assert.Equal(UInt128.One, batch.ClientIp[0]);
    }

    [Fact]
    public void Parse_NullOptionalField_IsAbsent()
    {
        var (outcome, batch) = ParseGatewayJson("""{"ts":"2024-01-15T02:12:33Z","client_ip":"::1","method":"GET","path":"/","status":200,"latency_ms":null,"account":null}""");

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.True(float.IsNaN(batch.LatencyMs[0]));
        Assert.Equal(string.Empty, batch.Account.GetString(0));
    }

    [Fact]
    public void Parse_UnknownFields_KeptRawInExtra()
    {
        var (outcome, batch) = ParseGatewayJson(
            """{"ts":"2024-01-15T02:12:33Z","upstream":{"host":"dc1","ms":[1,2]},"client_ip":"10.0.0.1","method":"GET","path":"/","status":200, "tls" : true}""");

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal("""{"upstream":{"host":"dc1","ms":[1,2]},"tls" : true}""", batch.Extra.GetString(0));
    }

    [Fact]
    public void Parse_UnknownFieldWithCitizenId_IsMaskedInExtra()
    {
        var (outcome, batch) = ParseGatewayJson(
            """{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":"GET","path":"/","status":200,"body":"cccd 079300123456"}""");

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal("""{"body":"cccd 079*********"}""", batch.Extra.GetString(0));
    }

    [Fact]
    public void Parse_EscapedStrings_AreUnescaped()
    {
        var (outcome, batch) = ParseGatewayJson(
            """{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":"GET","path":"/a","status":200,"user_agent":"Tr\u00ecnh duy\u1ec7t \"VN\"","account":"c\u00e1n.b\u1ed9"}""");

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal("Trình duyệt \"VN\"", batch.UserAgent.GetString(0));
        Assert.Equal("cán.bộ", batch.Account.GetString(0));
    }

    [Fact]
    public void Parse_PathWithQueryAndCitizenId_StripsQueryAndMasksId()
    {
        var (outcome, batch) = ParseGatewayJson(
            """{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":"GET","path":"/api/dancu/v1/cong-dan/052301004512?cccd=052301004512","status":200}""");

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal("/api/dancu/v1/cong-dan/052*********", batch.Path.GetString(0));
    }

    [Fact]
    public void Parse_SameLineTwice_GivesSameEventKey_OtherSourceGivesAnother()
    {
        var first = ParseGatewayJson(SpecGatewayJson).Batch.EventKey[0];
        var second = ParseGatewayJson(SpecGatewayJson).Batch.EventKey[0];
        var otherSource = new LogSentinel.Ingest.Parsing.LineSource("file:other").EventKey(Utf8(SpecGatewayJson));

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSource);
    }

    [Fact]
    public void Parse_Failure_AppendsNothing()
    {
        var (outcome, batch) = ParseGatewayJson("""{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":"GET","path":"/","status":"200"}""");

        Assert.Equal(DeadLetterReason.WrongType, outcome.Reason);
        Assert.Equal("status", outcome.Field);
        Assert.Equal(0, batch.Count);
    }

    [Fact]
    public void Parse_LineWithByteOrderMark_ParsesAsWithout()
    {
        var (outcome, batch) = ParseGatewayJson("\uFEFF" + SpecGatewayJson);

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal(Source.EventKey(Utf8(SpecGatewayJson)), batch.EventKey[0]);
    }

    [Fact]
    public void Parse_CrLfLine_ParsesAsSameKeyAsLf()
    {
        var (outcome, batch) = ParseGatewayJson(SpecGatewayJson + "\r");

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal(Source.EventKey(Utf8(SpecGatewayJson)), batch.EventKey[0]);
    }
}
