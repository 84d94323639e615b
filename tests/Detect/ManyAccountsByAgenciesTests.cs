using System.Globalization;
using System.Net;
using LogSentinel.Detect;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Store.Events;
using LogSentinel.Store.Reference;

namespace LogSentinel.Tests.Detect;

/// <summary>many_accounts_one_source at fewer accounts when they belong to several agencies, decided at the first minute boundary.</summary>
public sealed class ManyAccountsByAgenciesTests
{
    private static readonly long Hour0 = new DateTimeOffset(2024, 1, 10, 6, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void ThreeAccountsOfThreeAgencies_DetectedAtTheMinuteAfterTheThird()
    {
        var alerts = Run(["BTH-VPDK-TUYPHONG", "BTH-CCT-TUYPHONG", "BTH-TP-TUYPHONG"], new DetectionOptions());

        var alert = Assert.Single(alerts, a => a.Type == AlertTypes.ManyAccountsOneSource);
        Assert.Equal("10.1.0.40", alert.Entity);
        // Accounts start at minutes 0, 3 and 6: decided at the boundary after the third (not at the fifth account), and
        // not before it, although the third's events are in when the boundaries before it close (allowed lateness).
        Assert.Equal(Hour0 + (7 * 60_000), alert.DetectedAtMs);
        Assert.Equal(3, alert.Evidence.Counts["agencies"]);
        Assert.Contains(alert.Explanation.Features, f => f.Name == "distinct_agencies" && f.Observed == 3 && f.Expected == 3);
        Assert.Contains("accounts of fewer than 3 agencies", alert.Explanation.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public void FourAccountsOfTwoAgencies_NotReported()
    {
        var alerts = Run(["BTH-VPDK-TUYPHONG", "BTH-VPDK-TUYPHONG", "BTH-CCT-TUYPHONG", "BTH-CCT-TUYPHONG"], new DetectionOptions());

        Assert.DoesNotContain(alerts, a => a.Type == AlertTypes.ManyAccountsOneSource);
    }

    [Fact]
    public void ThreeAccountsOfThreeAgencies_WithTheAgencyRuleOff_NotReported()
    {
        var options = new DetectionOptions();
        options.ManyAccountsOneSource.MinAgencies = 0;

        var alerts = Run(["BTH-VPDK-TUYPHONG", "BTH-CCT-TUYPHONG", "BTH-TP-TUYPHONG"], options);

        Assert.DoesNotContain(alerts, a => a.Type == AlertTypes.ManyAccountsOneSource);
    }

    [Fact]
    public void MinAgenciesOfOne_Rejected_NamingTheSetting()
    {
        var options = new DetectionOptions();
        options.ManyAccountsOneSource.MinAgencies = 1;

        var error = Assert.ThrowsAny<Exception>(() => new DetectionEngine(options, new ReferenceData([], [], []), TimeProvider.System));

        Assert.Contains("ManyAccountsOneSource:MinAgencies", error.Message, StringComparison.Ordinal);
    }

    private static List<DetectedAlert> Run(string[] agencies, DetectionOptions options)
    {
        var accounts = agencies.Select((agency, i) => new AccountRecord(
            string.Create(CultureInfo.InvariantCulture, $"tp.clerk{i}"), agency, "officer", AccountStatus.Active, new DateOnly(2023, 1, 1))).ToList();
        var engine = new DetectionEngine(options, new ReferenceData(accounts, [], []), TimeProvider.System);
        var batch = new AppEventBatch();
        for (var i = 0; i < accounts.Count; i++)
        {
            foreach (var second in (ReadOnlySpan<int>)[0, 40, 80])
            {
                batch.Add(new AppEventFields
                {
                    TimestampMs = Hour0 + (i * 180_000) + (second * 1000),
                    EventKey = (ulong)((i * 1000) + second),
                    Event = second == 0 ? "login"u8 : "citizen_lookup"u8,
                    Account = System.Text.Encoding.UTF8.GetBytes(accounts[i].Account),
                    Agency = System.Text.Encoding.UTF8.GetBytes(accounts[i].Agency),
                    ClientIp = IpAddresses.FromIPAddress(IPAddress.Parse("10.1.0.40")),
                    DefaultPassword = -1,
                    PasswordAgeDays = -1,
                });
            }
        }

        return LogSentinel.Tests.Tuning.TuningEvents.Run(engine, batch);
    }
}
