using LogSentinel.Ingest.Privacy;
using static LogSentinel.Tests.Ingest.IngestTestData;

namespace LogSentinel.Tests.Ingest;

/// <summary>An account that is a citizen id is pseudonymized by every parser, the same way, and nothing else is.</summary>
public sealed class AccountPseudonymTests
{
    private const string OfficerId = "079190001234";

    [Fact]
    public void EveryFormat_AccountThatIsACitizenId_StoredAsTheSamePseudonym()
    {
        var (json, gateway) = ParseGatewayJson($$"""{"ts":"2024-01-15T02:12:33Z","client_ip":"10.1.2.3","method":"POST","path":"/a","status":200,"account":"{{OfficerId}}"}""");
        var (combined, combinedBatch) = ParseCombined($"""10.1.2.3 - {OfficerId} [15/Jan/2024:09:12:33 +0700] "POST /a HTTP/1.1" 200 10 "-" "curl/8" """.TrimEnd());
        var (app, appBatch) = ParseApp($$"""{"ts":"2024-01-15T09:12:33.201+07:00","event":"login","account":"{{OfficerId}}"}""");

        Assert.True(json.IsSuccess && combined.IsSuccess && app.IsSuccess, $"{json} {combined} {app}");
        var expected = AccountPseudonyms.Apply(Pseudonymizer, OfficerId);
        Assert.Matches("^cccd-[0-9a-f]{20}$", expected);
        Assert.Equal(expected, gateway.Account.GetString(0));
        Assert.Equal(expected, combinedBatch.Account.GetString(0));
        Assert.Equal(expected, appBatch.Account.GetString(0));
    }

    [Theory]
    [InlineData("tp.vpdk.nguyenvana")]
    [InlineData("07919000123")]
    [InlineData("0791900012345")]
    [InlineData("07919000123x")]
    public void AccountThatIsNotACitizenId_KeptAsItIs(string account)
    {
        var (outcome, batch) = ParseApp($$"""{"ts":"2024-01-15T09:12:33.201+07:00","event":"login","account":"{{account}}"}""");

        Assert.True(outcome.IsSuccess, outcome.ToString());
        Assert.Equal(account, batch.Account.GetString(0));
        Assert.Equal(account, AccountPseudonyms.Apply(Pseudonymizer, account));
    }

    [Fact]
    public void Lookups_ByAnOfficerSignedInWithTheirCitizenId_StillMeasureTheDistanceBetweenLookedUpIds()
    {
        var parser = new LogSentinel.Ingest.Parsing.AppJsonParser(Pseudonymizer);
        var batch = new LogSentinel.Store.Events.AppEventBatch(4);
        foreach (var citizen in new[] { "052301004512", "052301004515" })
        {
            var line = Utf8($$"""{"ts":"2024-01-15T09:12:33.201+07:00","event":"citizen_lookup","account":"{{OfficerId}}","citizen_id":"{{citizen}}"}""");
            Assert.True(parser.Parse(line, Position, batch).IsSuccess);
        }

        Assert.Equal(3, batch.IdDelta[1]);
    }
}
