using System.Net;
using LogSentinel.Detect;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Store.Events;
using LogSentinel.Store.Reference;

namespace LogSentinel.Tests.Detect;

/// <summary>unknown_source decides at the first minute boundary after its third event, whatever the arrival order, then merges the window's full count.</summary>
public sealed class UnknownSourceEarlyDecisionTests
{
    private static readonly long Hour0 = new DateTimeOffset(2024, 1, 10, 2, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static readonly NetworkRecord[] Networks =
    [
        new("BTH-VPDK", "10.1.0.0/16", IPAddress.Parse("::ffff:10.1.0.0"), IPAddress.Parse("::ffff:10.1.255.255"), "LAN"),
    ];

    [Theory]
    [InlineData(new[] { 5.0, 5.5, 6.5, 20, 40 })]
    [InlineData(new[] { 5.5, 6.5, 5.0, 20, 40 })]
    [InlineData(new[] { 6.5, 5.0, 5.5, 20, 21 })]
    public void ThreeEventsFromAnUnknownAddress_DetectedAtTheNextMinute_ThenFullCountAtTheClose(double[] minutes)
    {
        var engine = new DetectionEngine(new DetectionOptions(), new ReferenceData([], Networks, []), TimeProvider.System);
        var batch = new AppEventBatch();
        foreach (var minute in minutes)
        {
            batch.Add(new AppEventFields
            {
                TimestampMs = Hour0 + (long)(minute * 60_000),
                EventKey = (ulong)(minute * 10),
                Event = "citizen_lookup"u8,
                Account = "tp.vpdk.a"u8,
                ClientIp = IpAddresses.FromIPAddress(IPAddress.Parse("45.124.94.201")),
                DefaultPassword = -1,
                PasswordAgeDays = -1,
            });
        }

        for (var row = 0; row < batch.Count; row++)
        {
            engine.Add(batch, row);
        }

        engine.Complete();
        var alerts = new List<DetectedAlert>();
        engine.DrainChangedAlerts(alerts);

        var alert = Assert.Single(alerts, a => a.Type == AlertTypes.UnknownSource && a.EntityKind == EntityKinds.Ip);
        // Shuffled within the allowed lateness (2 minutes): the decision does not depend on the arrival order.
        Assert.Equal(Hour0 + (7 * 60_000), alert.DetectedAtMs);
        Assert.Equal(2, alert.Occurrences);
        Assert.Equal(5, alert.Evidence.Counts["events"]);
        Assert.Equal(Hour0 + (60 * 60_000), alert.LastSeenMs);
        Assert.Contains("5 authenticated request(s)", alert.Explanation.SummaryEn, StringComparison.Ordinal);
    }
}
