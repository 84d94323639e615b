using System.Buffers.Binary;
using System.Net;
using System.Text;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Store.Events;

namespace LogSentinel.Tests.Ingest;

/// <summary>Shared inputs of the parser tests: the spec's example lines, a source, a fixed key.</summary>
internal static class IngestTestData
{
    public const string SpecGatewayJson =
        """{"ts":"2024-01-15T09:12:33.123+07:00","request_id":"9f1c2a","client_ip":"10.52.4.21","method":"POST","path":"/api/dancu/v1/tra-cuu","status":200,"latency_ms":84,"bytes_out":1834,"user_agent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64)","account":"tp.vpdk.nguyenvana","agency":"BTH-VPDK-TUYPHONG","api":"dancu.tra-cuu-cong-dan"}""";

    public const string SpecGatewayCombined =
        """10.52.4.21 - tp.vpdk.nguyenvana [15/Jan/2024:09:12:33 +0700] "POST /api/dancu/v1/tra-cuu HTTP/1.1" 200 1834 "-" "Mozilla/4.0 (compatible; Win32; WinHttp.WinHttpRequest.5)" 0.084 "9f1c2a" """;

    public const string SpecAppJson =
        """{"ts":"2024-01-15T09:12:33.201+07:00","event":"citizen_lookup","account":"tp.vpdk.nguyenvana","agency":"BTH-VPDK-TUYPHONG","client_ip":"10.52.4.21","session_id":"s-9a1","request_id":"9f1c2a","citizen_id":"052301004512","purpose":"1.004227","result":"found"}""";

    /// <summary>2024-01-15T09:12:33+07:00 in Unix milliseconds.</summary>
    public const long SpecInstantMs = 1_705_284_753_000;

    public static readonly LineSource Source = new("kafka:test");

    public static LinePosition Position => new(Source, 0);

    public static byte[] Key { get; } = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    /// <summary>A pseudonymizer under <see cref="Key"/> for parsers built in tests; lives as long as the test run.</summary>
    public static CitizenIdPseudonymizer Pseudonymizer { get; } = new(Key);

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    public static UInt128 Ip(string text)
    {
        var address = IPAddress.Parse(text);
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            address = address.MapToIPv6();
        }

        return BinaryPrimitives.ReadUInt128BigEndian(address.GetAddressBytes());
    }

    public static (ParseOutcome Outcome, GatewayEventBatch Batch) ParseGatewayJson(string line, ParserOptions? options = null)
    {
        var batch = new GatewayEventBatch(4);
        var outcome = new GatewayJsonParser(Pseudonymizer, options).Parse(Utf8(line), Position, batch);
        return (outcome, batch);
    }

    public static (ParseOutcome Outcome, GatewayEventBatch Batch) ParseCombined(string line, ParserOptions? options = null)
    {
        var batch = new GatewayEventBatch(4);
        var outcome = new GatewayCombinedParser(Pseudonymizer, options).Parse(Utf8(line), Position, batch);
        return (outcome, batch);
    }

    public static (ParseOutcome Outcome, AppEventBatch Batch) ParseApp(string line, ParserOptions? options = null)
    {
        using var pseudonymizer = new CitizenIdPseudonymizer(Key);
        var batch = new AppEventBatch(4);
        var outcome = new AppJsonParser(pseudonymizer, options).Parse(Utf8(line), Position, batch);
        return (outcome, batch);
    }
}
