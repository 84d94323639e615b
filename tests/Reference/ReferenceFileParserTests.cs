using System.Net;
using LogSentinel.Ingest.Reference;
using LogSentinel.Store.Reference;

namespace LogSentinel.Tests.Reference;

public sealed class ReferenceFileParserTests
{
    [Fact]
    public void ParseAccounts_ValidFile_ReadsEveryField()
    {
        const string Csv = "account,agency,role,status,status_since\n" +
                           "tp.vpdk.nguyenvana,BTH-VPDK-TUYPHONG,officer,active,2023-05-01\n" +
                           "\"tp.vpdk.tranthib\",BTH-VPDK-TUYPHONG,\"officer, senior\",Retired,2024-01-10\n";

        var accounts = ReferenceFileParser.ParseAccounts(new StringReader(Csv), "accounts.csv");

        Assert.Equal(
            [
                new AccountRecord("tp.vpdk.nguyenvana", "BTH-VPDK-TUYPHONG", "officer", AccountStatus.Active, new DateOnly(2023, 5, 1)),
                new AccountRecord("tp.vpdk.tranthib", "BTH-VPDK-TUYPHONG", "officer, senior", AccountStatus.Retired, new DateOnly(2024, 1, 10)),
            ],
            accounts);
    }

    [Fact]
    public void ParseAccounts_BadLines_EveryProblemNamesFileLineAndField()
    {
        const string Csv = "account,agency,role,status,status_since\n" +
                           "a1,AG,officer,actve,2023-05-01\n" +
                           "a2,AG,officer,active,01/05/2023\n" +
                           ",AG,officer,active,2023-05-01\n" +
                           "a1,AG,officer,active,2023-05-01\n" +
                           "a5,AG,officer\n";

        var error = Assert.Throws<ReferenceDataException>(() => ReferenceFileParser.ParseAccounts(new StringReader(Csv), "/srv/ref/accounts.csv"));

        Assert.Equal(
            [
                "accounts.csv line 2, field status: 'actve' is not one of active, transferred, retired, disabled",
                "accounts.csv line 3, field status_since: '01/05/2023' is not an ISO date (yyyy-MM-dd)",
                "accounts.csv line 4, field account: is empty",
                "accounts.csv line 5, field account: 'a1' appears more than once",
                "accounts.csv line 6: has 3 fields; the header has 5",
            ],
            error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void ParseAccounts_MissingHeaderColumn_Named()
    {
        var error = Assert.Throws<ReferenceDataException>(() => ReferenceFileParser.ParseAccounts(new StringReader("account,agency,role,status\n"), "accounts.csv"));

        Assert.Contains("field status_since: the header lacks the column 'status_since'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.52.4.0/24", "::ffff:10.52.4.0", "::ffff:10.52.4.255")]
    [InlineData("10.52.4.17/24", "::ffff:10.52.4.0", "::ffff:10.52.4.255")]
    [InlineData("192.168.1.7", "::ffff:192.168.1.7", "::ffff:192.168.1.7")]
    [InlineData("2001:db8:12::/48", "2001:db8:12::", "2001:db8:12:ffff:ffff:ffff:ffff:ffff")]
    public void TryParseRange_ValidRanges_FirstAndLastAddress(string cidr, string first, string last)
    {
        Assert.True(ReferenceFileParser.TryParseRange(cidr, out var start, out var end, out _));
        Assert.Equal(IPAddress.Parse(first), start);
        Assert.Equal(IPAddress.Parse(last), end);
    }

    [Theory]
    [InlineData("10.52.4.0/33")]
    [InlineData("10.52.4/24")]
    [InlineData("not-an-ip")]
    [InlineData("10.52.4.0/-1")]
    public void ParseNetworks_InvalidCidr_NamesTheField(string cidr)
    {
        var csv = $"agency,cidr,label\nAG,{cidr},LAN\n";

        var error = Assert.Throws<ReferenceDataException>(() => ReferenceFileParser.ParseNetworks(new StringReader(csv), "networks.csv"));

        Assert.StartsWith("networks.csv line 2, field cidr:", error.Errors.Single().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseDelegations_DatesAreWholeLocalDays_TimesKeepTheirOffset()
    {
        const string Csv = "account,delegate,valid_from,valid_to,reason\n" +
                           "a1,b1,2024-01-15,2024-01-19,annual leave\n" +
                           "a2,b2,2024-02-01T08:00:00+07:00,2024-02-01T17:00:00Z,\"training, Hanoi\"\n";

        var delegations = ReferenceFileParser.ParseDelegations(new StringReader(Csv), "delegations.csv");

        Assert.Equal(new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.FromHours(7)), delegations[0].ValidFrom);
        Assert.Equal(new DateTimeOffset(2024, 1, 19, 23, 59, 59, 999, TimeSpan.FromHours(7)), delegations[0].ValidTo);
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 1, 0, 0, TimeSpan.Zero), delegations[1].ValidFrom.ToUniversalTime());
        Assert.Equal("training, Hanoi", delegations[1].Reason);
    }

    [Fact]
    public void ParseDelegations_TimeWithoutOffsetOrEndBeforeStart_Rejected()
    {
        const string Csv = "account,delegate,valid_from,valid_to,reason\n" +
                           "a1,b1,2024-01-15T08:00:00,2024-01-19,x\n" +
                           "a2,b2,2024-01-19,2024-01-15,y\n";

        var error = Assert.Throws<ReferenceDataException>(() => ReferenceFileParser.ParseDelegations(new StringReader(Csv), "delegations.csv"));

        Assert.Contains("line 2, field valid_from: '2024-01-15T08:00:00' has no UTC offset", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3, field valid_to:", error.Message, StringComparison.Ordinal);
    }
}
