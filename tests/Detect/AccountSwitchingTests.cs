using System.Net;
using System.Text;
using LogSentinel.Detect;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Store.Events;
using LogSentinel.Store.Reference;

namespace LogSentinel.Tests.Detect;

/// <summary>The switching form of <c>account_sharing</c>: one account alternating between agencies' networks within minutes.</summary>
public sealed class AccountSwitchingTests
{
    private static readonly long T0 = new DateTimeOffset(2024, 1, 10, 9, 0, 0, TimeSpan.FromHours(7)).ToUnixTimeMilliseconds();

    private static readonly NetworkRecord[] Networks =
    [
        new("VPDK-A", "10.1.0.0/24", IPAddress.Parse("10.1.0.0"), IPAddress.Parse("10.1.0.255"), "branch A"),
        new("VPDK-B", "10.9.0.0/24", IPAddress.Parse("10.9.0.0"), IPAddress.Parse("10.9.0.255"), "branch B"),
    ];

    [Fact]
    public void AlternatingBetweenAgencies_WithinMinutes_RaisesAccountSharing_ExplainingTheSwitches()
    {
        var alerts = Run([], (0, "10.1.0.5"), (2, "10.9.0.7"), (4, "10.1.0.5"), (6, "10.9.0.7"));

        var alert = Assert.Single(alerts, a => a.Type == AlertTypes.AccountSharing);
        Assert.Equal("tp.vpdk.a", alert.Entity);
        Assert.Equal(3, alert.Evidence.Counts["network_switches"]);
        Assert.Contains("switched 3 times", alert.Explanation.SummaryEn, StringComparison.Ordinal);
        Assert.Contains("chuyển 3 lần", alert.Explanation.SummaryVi, StringComparison.Ordinal);
    }

    [Fact]
    public void SwitchesFurtherApart_OrSameNetwork_RaiseNothing()
    {
        Assert.Empty(Run([], (0, "10.1.0.5"), (20, "10.9.0.7"), (40, "10.1.0.5"), (60, "10.9.0.7")));
        Assert.Empty(Run([], (0, "10.1.0.5"), (2, "10.1.0.6"), (4, "10.1.0.5"), (6, "10.1.0.6")));
    }

    [Fact]
    public void AlternatingUnderADelegation_RaisesNothing()
    {
        var delegation = new DelegationRecord("tp.vpdk.a", "tp.vpdk.b", DateTimeOffset.FromUnixTimeMilliseconds(T0 - 86_400_000),
            DateTimeOffset.FromUnixTimeMilliseconds(T0 + 86_400_000), "leave");

        Assert.Empty(Run([delegation], (0, "10.1.0.5"), (2, "10.9.0.7"), (4, "10.1.0.5"), (6, "10.9.0.7")));
    }

    private static List<DetectedAlert> Run(DelegationRecord[] delegations, params (int Minute, string Ip)[] lookups)
    {
        var reference = new ReferenceData([], Networks, delegations);
        var engine = new DetectionEngine(new DetectionOptions(), reference, TimeProvider.System);
        var batch = new AppEventBatch();
        foreach (var (minute, ip) in lookups)
        {
            var fields = new AppEventFields
            {
                TimestampMs = T0 + (minute * 60_000L),
                EventKey = (ulong)minute,
                Event = "citizen_lookup"u8.ToArray(),
                Account = Encoding.UTF8.GetBytes("tp.vpdk.a"),
                Agency = Encoding.UTF8.GetBytes("VPDK-A"),
                ClientIp = IpAddresses.FromIPAddress(IPAddress.Parse(ip)),
                DefaultPassword = -1,
                PasswordAgeDays = -1,
            };
            batch.Add(in fields);
        }

        for (var row = 0; row < batch.Count; row++)
        {
            engine.Add(batch, row);
        }

        engine.Complete();
        var alerts = new List<DetectedAlert>();
        engine.DrainChangedAlerts(alerts);
        return alerts;
    }
}
