using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LogSentinel.Ingest.DeadLetters;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Store.Events;
using static LogSentinel.Tests.Ingest.IngestTestData;

namespace LogSentinel.Tests.Ingest;

/// <summary>Random valid records round-trip through every format; random bytes never throw.</summary>
public sealed class ParserPropertyTests : IDisposable
{
    private readonly CitizenIdPseudonymizer _pseudonymizer = new(Key);

    public void Dispose() => _pseudonymizer.Dispose();

    [Property(MaxTest = 300)]
    public Property GatewayJson_RandomRecord_RoundTrips() => Prop.ForAll(LogRecordGenerators.Gateway, r =>
    {
        var batch = new GatewayEventBatch(1);
        var outcome = new GatewayJsonParser(IngestTestData.Pseudonymizer).Parse(Utf8(LogRecordGenerators.ToGatewayJson(r)), Position, batch);

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal(r.TimestampMs, batch.TimestampMs[0]);
        Assert.Equal(LogRecordGenerators.Mapped(r.Ip), batch.ClientIp[0]);
        Assert.Equal(r.Method, batch.Method.GetString(0));
        Assert.Equal(r.Path, batch.Path.GetString(0));
        Assert.Equal(r.Status, batch.Status[0]);
        Assert.Equal(r.LatencyMs is { } ms ? ms : float.NaN, batch.LatencyMs[0]);
        Assert.Equal((ulong)(r.BytesOut ?? 0), batch.BytesOut[0]);
        Assert.Equal(r.UserAgent ?? "", batch.UserAgent.GetString(0));
        Assert.Equal(r.Account ?? "", batch.Account.GetString(0));
        Assert.Equal(r.Agency ?? "", batch.Agency.GetString(0));
        Assert.Equal(r.Api ?? "", batch.Api.GetString(0));
        Assert.Equal(r.RequestId ?? "", batch.RequestId.GetString(0));
        Assert.Equal("", batch.Extra.GetString(0));
    });

    [Property(MaxTest = 300)]
    public Property GatewayCombined_RandomRecord_RoundTrips() => Prop.ForAll(LogRecordGenerators.Gateway, r =>
    {
        var batch = new GatewayEventBatch(1);
        var outcome = new GatewayCombinedParser(IngestTestData.Pseudonymizer).Parse(Utf8(LogRecordGenerators.ToCombined(r)), Position, batch);

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal(r.TimestampMs - (r.TimestampMs % 1000), batch.TimestampMs[0]);
        Assert.Equal(LogRecordGenerators.Mapped(r.Ip), batch.ClientIp[0]);
        Assert.Equal(r.Method, batch.Method.GetString(0));
        Assert.Equal(r.Path, batch.Path.GetString(0));
        Assert.Equal(r.Status, batch.Status[0]);
        if (r.LatencyMs is { } ms)
        {
            Assert.Equal(ms, batch.LatencyMs[0], ms * 1e-6f);
        }
        else
        {
            Assert.True(float.IsNaN(batch.LatencyMs[0]));
        }

        Assert.Equal((ulong)(r.BytesOut ?? 0), batch.BytesOut[0]);
        Assert.Equal(r.UserAgent ?? "", batch.UserAgent.GetString(0));
        Assert.Equal(r.Account ?? "", batch.Account.GetString(0));
        Assert.Equal(r.RequestId ?? "", batch.RequestId.GetString(0));
    });

    [Property(MaxTest = 300)]
    public Property AppJson_RandomRecord_RoundTrips() => Prop.ForAll(LogRecordGenerators.App, r =>
    {
        var batch = new AppEventBatch(1);
        var outcome = new AppJsonParser(_pseudonymizer).Parse(Utf8(LogRecordGenerators.ToAppJson(r)), Position, batch);

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal(r.TimestampMs, batch.TimestampMs[0]);
        Assert.Equal(r.Event, batch.Event.GetString(0));
        Assert.Equal(r.Account, batch.Account.GetString(0));
        Assert.Equal(r.Agency ?? "", batch.Agency.GetString(0));
        Assert.Equal(r.Ip is null ? UInt128.Zero : LogRecordGenerators.Mapped(r.Ip), batch.ClientIp[0]);
        Assert.Equal(r.SessionId ?? "", batch.SessionId.GetString(0));
        Assert.Equal(r.RequestId ?? "", batch.RequestId.GetString(0));
        var expectedRef = r.CitizenId is null
            ? ""
            : Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.ASCII.GetBytes(r.CitizenId)).AsSpan(0, 10));
        Assert.Equal(expectedRef, batch.CitizenRef.GetString(0));
        Assert.Equal(r.CitizenId?[..3] ?? "", batch.CitizenProvince.GetString(0));
        Assert.Equal(r.Purpose ?? "", batch.Purpose.GetString(0));
        Assert.Equal(r.Result ?? "", batch.Result.GetString(0));
        Assert.Equal(r.DefaultPassword switch { true => 1, false => 0, null => -1 }, batch.DefaultPassword[0]);
        Assert.Equal(r.PasswordAgeDays ?? -1, batch.PasswordAgeDays[0]);
    });

    [Property(MaxTest = 2000)]
    public void AllParsers_RandomBytes_NeverThrowAndAppendOnlyOnSuccess(byte[] bytes) => ParseEverywhere(bytes);

    [Property(MaxTest = 500)]
    public Property AllParsers_DamagedValidLines_NeverThrow()
    {
        var damaged =
            from r in LogRecordGenerators.Gateway.Generator
            from a in LogRecordGenerators.App.Generator
            from which in Gen.Choose(0, 2)
            from cut in Gen.Choose(0, 1000)
            from flip in Gen.Choose(0, 1000)
            from value in ArbMap.Default.GeneratorFor<byte>()
            select Damage(which switch
            {
                0 => LogRecordGenerators.ToGatewayJson(r),
                1 => LogRecordGenerators.ToCombined(r),
                _ => LogRecordGenerators.ToAppJson(a),
            }, cut, flip, value);

        return Prop.ForAll(damaged.ToArbitrary(), bytes => ParseEverywhere(bytes));
    }

    private static byte[] Damage(string line, int cut, int flip, byte value)
    {
        var bytes = Utf8(line);
        bytes = bytes[..Math.Max(1, bytes.Length - (cut % bytes.Length))];
        bytes[flip % bytes.Length] = value;
        return bytes;
    }

    private void ParseEverywhere(byte[] bytes)
    {
        var gateway = new GatewayEventBatch(1);
        var app = new AppEventBatch(1);
        Check(new GatewayJsonParser(IngestTestData.Pseudonymizer).Parse(bytes, Position, gateway), gateway.Count);
        gateway.Clear();
        Check(new GatewayCombinedParser(IngestTestData.Pseudonymizer).Parse(bytes, Position, gateway), gateway.Count);
        Check(new AppJsonParser(_pseudonymizer).Parse(bytes, Position, app), app.Count);
        LogFormatDetector.Detect(bytes);
        Assert.Equal(bytes.Length, RawLineMasker.Mask(bytes).Length);

        static void Check(ParseOutcome outcome, int count)
        {
            Assert.Equal(outcome.IsSuccess ? 1 : 0, count);
            Assert.False(string.IsNullOrEmpty(outcome.Code));
            Assert.False(string.IsNullOrEmpty(outcome.Detail));
        }
    }
}
