using System.Security.Cryptography;
using System.Text;
using LogSentinel.Ingest.DeadLetters;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Store.Events;
using static LogSentinel.Tests.Ingest.IngestTestData;

namespace LogSentinel.Tests.Ingest;

public sealed class AppJsonParserTests
{
    private static string ExpectedPseudonym(string citizenId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.ASCII.GetBytes(citizenId)).AsSpan(0, 10));

    private static string Lookup(string account, string citizenId, string ts = "2024-01-15T09:12:33.201+07:00") =>
        $$"""{"ts":"{{ts}}","event":"citizen_lookup","account":"{{account}}","citizen_id":"{{citizenId}}"}""";

    [Fact]
    public void Parse_SpecExample_FillsEveryFieldAndPseudonymizes()
    {
        var (outcome, batch) = ParseApp(SpecAppJson);

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal(SpecInstantMs + 201, batch.TimestampMs[0]);
        Assert.Equal("citizen_lookup", batch.Event.GetString(0));
        Assert.Equal("tp.vpdk.nguyenvana", batch.Account.GetString(0));
        Assert.Equal("BTH-VPDK-TUYPHONG", batch.Agency.GetString(0));
        Assert.Equal(Ip("10.52.4.21"), batch.ClientIp[0]);
        Assert.Equal("s-9a1", batch.SessionId.GetString(0));
        Assert.Equal("9f1c2a", batch.RequestId.GetString(0));
        Assert.Equal(ExpectedPseudonym("052301004512"), batch.CitizenRef.GetString(0));
        Assert.Equal("052", batch.CitizenProvince.GetString(0));
        Assert.False(batch.HasIdDelta[0]);
        Assert.Equal("1.004227", batch.Purpose.GetString(0));
        Assert.Equal("found", batch.Result.GetString(0));
        Assert.Equal(-1, batch.DefaultPassword[0]);
        Assert.Equal(-1, batch.PasswordAgeDays[0]);
        Assert.Equal(string.Empty, batch.Extra.GetString(0));
    }

    [Fact]
    public void Parse_Login_ReadsPasswordFieldsAndHasNoCitizen()
    {
        var (outcome, batch) = ParseApp(
            """{"ts":"2024-01-15T08:00:00+07:00","event":"login","account":"a","default_password":true,"password_age_days":93}""");

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal(1, batch.DefaultPassword[0]);
        Assert.Equal(93, batch.PasswordAgeDays[0]);
        Assert.Equal(string.Empty, batch.CitizenRef.GetString(0));
        Assert.Equal(string.Empty, batch.CitizenProvince.GetString(0));
        Assert.Equal(UInt128.Zero, batch.ClientIp[0]);
        Assert.False(batch.HasIdDelta[0]);
    }

    [Fact]
    public void Parse_SameAccountLooksUpTwice_GivesIdDelta()
    {
        using var pseudonymizer = new CitizenIdPseudonymizer(Key);
        var parser = new AppJsonParser(pseudonymizer);
        var batch = new AppEventBatch(8);

        parser.Parse(Utf8(Lookup("a", "052301004512")), Position, batch);
        parser.Parse(Utf8(Lookup("b", "079300000001")), Position, batch);
        parser.Parse(Utf8(Lookup("a", "052301004519")), Position, batch);
        parser.Parse(Utf8(Lookup("a", "052301004500")), Position, batch);

        Assert.Equal([false, false, true, true], batch.HasIdDelta.ToArray());
        Assert.Equal(7, batch.IdDelta[2]);
        Assert.Equal(-19, batch.IdDelta[3]);
    }

    [Fact]
    public void Parse_FailedLine_DoesNotTouchAccountState()
    {
        using var pseudonymizer = new CitizenIdPseudonymizer(Key);
        var parser = new AppJsonParser(pseudonymizer);
        var batch = new AppEventBatch(8);

        var bad = parser.Parse(Utf8(Lookup("a", "052301004512", ts: "2024-01-15T09:12:33")), Position, batch);
        parser.Parse(Utf8(Lookup("a", "052301004513")), Position, batch);

        Assert.Equal(DeadLetterReason.MissingOffset, bad.Reason);
        Assert.False(batch.HasIdDelta[0]);
    }

    [Fact]
    public void Parse_AnotherEvent_IsKeptVerbatim()
    {
        var (outcome, batch) = ParseApp("""{"ts":"2024-01-15T08:00:00Z","event":"export_report","account":"a","extra_field":[1]}""");

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal("export_report", batch.Event.GetString(0));
        Assert.Equal("""{"extra_field":[1]}""", batch.Extra.GetString(0));
    }

    [Theory]
    [InlineData("05230100451")]
    [InlineData("0523010045123")]
    [InlineData("05230100451A")]
    [InlineData("052-01004512")]
    [InlineData("")]
    [InlineData("０５２３０１００４５１２")]
    public void Parse_BadCitizenId_IsInvalidCitizenId_AndDetailHasNoId(string citizenId)
    {
        var (outcome, batch) = ParseApp(Lookup("a", citizenId));

        Assert.Equal(DeadLetterReason.InvalidCitizenId, outcome.Reason);
        Assert.Equal("invalid_citizen_id", outcome.Code);
        Assert.Equal("citizen_id", outcome.Field);
        Assert.Contains("citizen_id", outcome.Detail, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9]{6}", outcome.Detail);
        Assert.Equal(0, batch.Count);
    }

    [Fact]
    public void Parse_LookupWithoutCitizenId_IsMissingField()
    {
        var (outcome, _) = ParseApp("""{"ts":"2024-01-15T08:00:00Z","event":"citizen_lookup","account":"a"}""");

        Assert.Equal(DeadLetterReason.MissingField, outcome.Reason);
        Assert.Equal("citizen_id", outcome.Field);
    }

    [Fact]
    public void Parse_CitizenIdAsNumber_IsWrongType()
    {
        var (outcome, _) = ParseApp("""{"ts":"2024-01-15T08:00:00Z","event":"citizen_lookup","account":"a","citizen_id":52301004512}""");

        Assert.Equal(DeadLetterReason.WrongType, outcome.Reason);
        Assert.Equal("citizen_id", outcome.Field);
    }

    [Fact]
    public void Parse_CitizenIdNeverReachesTheBatch()
    {
        var (_, batch) = ParseApp(SpecAppJson);

        for (var row = 0; row < batch.Count; row++)
        {
            foreach (var column in new[] { batch.Event, batch.Account, batch.Agency, batch.SessionId, batch.RequestId, batch.CitizenRef, batch.CitizenProvince, batch.Purpose, batch.Result, batch.Extra })
            {
                Assert.DoesNotContain("301004512", column.GetString(row), StringComparison.Ordinal);
            }
        }
    }
}
