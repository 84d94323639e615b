using LogSentinel.Ingest.DeadLetters;
using LogSentinel.Ingest.Parsing;
using static LogSentinel.Tests.Ingest.IngestTestData;

namespace LogSentinel.Tests.Ingest;

/// <summary>Every malformed case of the issue lands as a dead letter with the right code and field.</summary>
public sealed class DeadLetterTests
{
    private const string Ok = """{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":"GET","path":"/","status":200}""";

    [Theory]
    [InlineData("", "empty_line", "line")]
    [InlineData("   \t ", "empty_line", "line")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","meth""", "truncated_json", "line")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":"GET","path":"/","status":200""", "truncated_json", "status")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":"GET","path":"/","status":2""", "truncated_json", "status")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":"GET","path":"/","status":200,"x":{"y":[1,""", "truncated_json", "line")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z",,"client_ip":"10.0.0.1"}""", "malformed_json", "line")]
    [InlineData("""[1,2,3]""", "malformed_json", "line")]
    [InlineData("""not json at all""", "malformed_json", "line")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":"GET","path":"/","status":200} {}""", "malformed_json", "line")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":"GET","path":"/","status":"200"}""", "wrong_type", "status")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":"GET","path":"/","status":200.5}""", "wrong_type", "status")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":"GET","path":"/","status":1200}""", "out_of_range", "status")]
    [InlineData("""{"ts":1705284753,"client_ip":"10.0.0.1","method":"GET","path":"/","status":200}""", "wrong_type", "ts")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":7,"path":"/","status":200}""", "wrong_type", "method")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":"GET","path":"/","status":200,"latency_ms":"84"}""", "wrong_type", "latency_ms")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":"GET","path":"/","status":200,"latency_ms":-1}""", "out_of_range", "latency_ms")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":"GET","path":"/","status":200,"bytes_out":-5}""", "out_of_range", "bytes_out")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":"GET","path":"/","status":200,"user_agent":{"a":1}}""", "wrong_type", "user_agent")]
    [InlineData("""{"ts":"15/01/2024 09:12","client_ip":"10.0.0.1","method":"GET","path":"/","status":200}""", "bad_timestamp", "ts")]
    [InlineData("""{"ts":"2024-02-30T02:12:33Z","client_ip":"10.0.0.1","method":"GET","path":"/","status":200}""", "bad_timestamp", "ts")]
    [InlineData("""{"ts":"2024-01-15T02:12:33.123","client_ip":"10.0.0.1","method":"GET","path":"/","status":200}""", "missing_offset", "ts")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.256","method":"GET","path":"/","status":200}""", "invalid_ip", "client_ip")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z","client_ip":"fe80::1::2","method":"GET","path":"/","status":200}""", "invalid_ip", "client_ip")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":"GET","path":"/"}""", "missing_field", "status")]
    [InlineData("""{"client_ip":"10.0.0.1","method":"GET","path":"/","status":200}""", "missing_field", "ts")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z","client_ip":null,"method":"GET","path":"/","status":200}""", "missing_field", "client_ip")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":"","path":"/","status":200}""", "missing_field", "method")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z","client_ip":"10.0.0.1","method":"GET","path":"?q=1","status":200}""", "missing_field", "path")]
    public void GatewayJson_MalformedLine_GoesToDeadLetter(string line, string code, string field)
    {
        var (outcome, batch) = ParseGatewayJson(line);

        Assert.Equal(code, outcome.Code);
        Assert.Equal(field, outcome.Field);
        Assert.StartsWith(field + ": ", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0, batch.Count);
    }

    [Theory]
    [InlineData("""10.52.4.21 - a [15/Jan/2024:09:12:33 +0700] "POST /x HTTP/1.1" 200 1834 "-" "ua" 0.084 "r""", "truncated_line", "http_x_request_id")]
    [InlineData("""10.52.4.21 - a [15/Jan/2024:09:12:33 +0700] "POST /x HTTP/1.1" 200 1834 "-" "u""", "truncated_line", "http_user_agent")]
    [InlineData("""10.52.4.21 - a [15/Jan/2024:09:12:33 +0700] "POST /x HTTP/1.1" 200""", "truncated_line", "body_bytes_sent")]
    [InlineData("""10.52.4.21 - a [15/Jan/2024:09:12""", "truncated_line", "time_local")]
    [InlineData("""10.52.4.21""", "truncated_line", "ident")]
    [InlineData("""10.52.4.21 - a [15/Jan/2024:09:12:33 +0700] "POST /x HTTP/1.1" 200 1834""", "truncated_line", "http_referer")]
    [InlineData("""10.52.4.999 - a [15/Jan/2024:09:12:33 +0700] "POST /x HTTP/1.1" 200 1834 "-" "ua" """, "invalid_ip", "remote_addr")]
    [InlineData("""10.52.4.21 - a [15/Jan/2024:09:12:33] "POST /x HTTP/1.1" 200 1834 "-" "ua" """, "missing_offset", "time_local")]
    [InlineData("""10.52.4.21 - a [15/Foo/2024:09:12:33 +0700] "POST /x HTTP/1.1" 200 1834 "-" "ua" """, "bad_timestamp", "time_local")]
    [InlineData("""10.52.4.21 - a [2024-01-15T09:12:33+07:00] "POST /x HTTP/1.1" 200 1834 "-" "ua" """, "bad_timestamp", "time_local")]
    [InlineData("""10.52.4.21 - a [15/Jan/2024:09:12:33 +0700] "POST /x HTTP/1.1" OK 1834 "-" "ua" """, "wrong_type", "status")]
    [InlineData("""10.52.4.21 - a [15/Jan/2024:09:12:33 +0700] "POST /x HTTP/1.1" 200 many "-" "ua" """, "wrong_type", "body_bytes_sent")]
    [InlineData("""10.52.4.21 - a [15/Jan/2024:09:12:33 +0700] "POST /x HTTP/1.1" 200 1 "-" "ua" fast "r" """, "wrong_type", "request_time")]
    [InlineData("""10.52.4.21 - a [15/Jan/2024:09:12:33 +0700] POST /x HTTP/1.1 200 1 "-" "ua" """, "malformed_line", "request")]
    [InlineData("""{"ts":"2024-01-15T02:12:33Z"}""", "invalid_ip", "remote_addr")]
    public void GatewayCombined_MalformedLine_GoesToDeadLetter(string line, string code, string field)
    {
        var (outcome, batch) = ParseCombined(line);

        Assert.Equal(code, outcome.Code);
        Assert.Equal(field, outcome.Field);
        Assert.Equal(0, batch.Count);
    }

    [Theory]
    [InlineData("""{"ts":"2024-01-15T08:00:00Z","event":"login","account":"a","default_password":"yes"}""", "wrong_type", "default_password")]
    [InlineData("""{"ts":"2024-01-15T08:00:00Z","event":"login","account":"a","password_age_days":-3}""", "out_of_range", "password_age_days")]
    [InlineData("""{"ts":"2024-01-15T08:00:00Z","event":"login","account":"a","client_ip":"localhost"}""", "invalid_ip", "client_ip")]
    [InlineData("""{"ts":"2024-01-15T08:00:00Z","event":"login"}""", "missing_field", "account")]
    [InlineData("""{"ts":"2024-01-15T08:00:00+0700","event":"login","account":"a"}""", "bad_timestamp", "ts")]
    [InlineData("""{"ts":"2024-01-15T08:00:00Z","event":"citizen_lookup","account":"a","citizen_id":"05230100451x"}""", "invalid_citizen_id", "citizen_id")]
    [InlineData("""{"ts":"2024-01-15T08:00:00Z","event":"citizen_lookup","account":"a","citizen_id":"0523010045""", "truncated_json", "citizen_id")]
    [InlineData("""{"ts":"2024-01-15T08:00:00Z","event":"login","account":""}""", "missing_field", "account")]
    [InlineData("""{"ts":"2024-01-15T08:00:00Z","event":"","account":"a"}""", "missing_field", "event")]
    public void AppJson_MalformedLine_GoesToDeadLetter(string line, string code, string field)
    {
        var (outcome, batch) = ParseApp(line);

        Assert.Equal(code, outcome.Code);
        Assert.Equal(field, outcome.Field);
        Assert.Equal(0, batch.Count);
    }

    [Fact]
    public void AllFormats_InvalidUtf8_GoesToDeadLetter()
    {
        var bytes = Utf8(Ok);
        bytes[30] = 0xC3;
        bytes[31] = 0x28;

        var gateway = new GatewayJsonParser(IngestTestData.Pseudonymizer).Parse(bytes, Position, new LogSentinel.Store.Events.GatewayEventBatch(2));
        var combined = new GatewayCombinedParser(IngestTestData.Pseudonymizer).Parse(bytes, Position, new LogSentinel.Store.Events.GatewayEventBatch(2));

        Assert.Equal(DeadLetterReason.InvalidUtf8, gateway.Reason);
        Assert.Equal(DeadLetterReason.InvalidUtf8, combined.Reason);
    }

    [Fact]
    public void AllFormats_LineOverConfiguredMax_IsLineTooLong()
    {
        var options = new ParserOptions { MaxLineBytes = 256 };
        var line = Ok[..^1] + ",\"pad\":\"" + new string('x', 300) + "\"}";

        Assert.Equal(DeadLetterReason.LineTooLong, ParseGatewayJson(line, options).Outcome.Reason);
        Assert.Equal(DeadLetterReason.LineTooLong, ParseCombined(line, options).Outcome.Reason);
        Assert.Equal(DeadLetterReason.LineTooLong, ParseApp(line, options).Outcome.Reason);
        Assert.True(ParseGatewayJson(line).Outcome.IsSuccess);
    }

    [Fact]
    public void DefaultMaxLine_Is64KiB()
    {
        var line = Ok[..^1] + ",\"pad\":\"" + new string('x', 64 * 1024) + "\"}";

        Assert.Equal(DeadLetterReason.LineTooLong, ParseGatewayJson(line).Outcome.Reason);
    }

    [Fact]
    public void ReasonCodes_AreStableAndRoundTrip()
    {
        foreach (var reason in Enum.GetValues<DeadLetterReason>())
        {
            Assert.True(DeadLetterReasons.TryParseCode(DeadLetterReasons.ToCode(reason), out var back));
            Assert.Equal(reason, back);
        }

        Assert.Equal("truncated_json", DeadLetterReasons.ToCode(DeadLetterReason.TruncatedJson));
        Assert.Equal("invalid_citizen_id", DeadLetterReasons.ToCode(DeadLetterReason.InvalidCitizenId));
    }
}
