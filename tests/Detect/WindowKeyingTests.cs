using System.Net;
using System.Text;
using LogSentinel.Detect;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Store.Events;
using LogSentinel.Store.Reference;

namespace LogSentinel.Tests.Detect;

/// <summary>
/// An event of the next window can arrive before the watermark closes the current one; it must count in its own
/// window, not the one still open.
/// </summary>
public sealed class WindowKeyingTests
{
    // 02:00 UTC exactly: the start of a 60-minute window.
    private static readonly long Hour0 = new DateTimeOffset(2024, 1, 10, 2, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static readonly NetworkRecord[] Networks =
    [
        new("BTH-VPDK", "10.1.0.0/16", IPAddress.Parse("::ffff:10.1.0.0"), IPAddress.Parse("::ffff:10.1.255.255"), "LAN"),
    ];

    [Fact]
    public void UnknownSource_EventOfNextWindowBeforeTheClose_CountsInItsOwnWindow()
    {
        var engine = new DetectionEngine(new DetectionOptions(), new ReferenceData([], Networks, []), TimeProvider.System);
        var batch = new AppEventBatch();
        foreach (var minute in new[] { 50, 55, 59, 61 })
        {
            batch.Add(new AppEventFields
            {
                TimestampMs = Hour0 + (minute * 60_000L),
                EventKey = (ulong)minute,
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
        Assert.Equal(3, alert.Evidence.Counts["events"]);
        Assert.Equal(1, alert.Occurrences);
    }
}
