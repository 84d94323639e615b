using System.Net;
using LogSentinel.Detect;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Store.Events;

namespace LogSentinel.Tests.Detect;

/// <summary><c>volume_spike</c> against the daily rhythm: busy mornings are normal once seen, a flood is not.</summary>
public sealed class VolumeSpikeTests
{
    private const long MorningStart = (7 * 3_600_000L) + (30 * 60_000L);
    private const long MorningEnd = (11 * 3_600_000L) + (30 * 60_000L);
    private static readonly long Day0 = new DateTimeOffset(2024, 1, 9, 0, 0, 0, TimeSpan.FromHours(7)).ToUnixTimeMilliseconds();

    [Fact]
    public void BusyMornings_RaiseNothing_AFloodDoes_AsDenialOfService()
    {
        var batch = new GatewayEventBatch();
        for (var day = 0; day < 3; day++)
        {
            var midnight = Day0 + (day * 86_400_000L);
            // Night: 2 requests a minute; a working morning from 07:30 to 11:30: 120 a minute.
            Requests(batch, midnight, midnight + MorningStart, 30_000, authenticated: true);
            Requests(batch, midnight + MorningStart, midnight + MorningEnd, 500, authenticated: true);
            if (day == 2)
            {
                // An unauthenticated flood from 10:00 to 10:10 on top: 1,000 a minute.
                Requests(batch, midnight + (10 * 3_600_000L) + 1, midnight + (10 * 3_600_000L) + 600_000, 60, authenticated: false);
            }

            Requests(batch, midnight + MorningEnd, midnight + 86_400_000L, 30_000, authenticated: true);
        }

        var engine = new DetectionEngine(new DetectionOptions(), ReferenceData.Empty, TimeProvider.System);
        foreach (var row in Enumerable.Range(0, batch.Count).OrderBy(r => batch.TimestampMs[r]))
        {
            engine.Add(batch, row);
        }

        engine.Complete();
        var alerts = new List<DetectedAlert>();
        engine.DrainChangedAlerts(alerts);
        var spikes = alerts.Where(a => a.Type == AlertTypes.VolumeSpike && a.EntityKind == EntityKinds.Gateway).ToList();

        var flood = Assert.Single(spikes);
        Assert.Equal(Day0 + (2 * 86_400_000L) + (10 * 3_600_000L), flood.FirstSeenMs);
        Assert.Equal(IncidentCategory.DenialOfService, flood.Category);
        Assert.Contains(flood.Explanation.Features, f => f.Name == "usual_busiest_same_hour_14d" && f.Observed >= 500);
    }

    private static void Requests(GatewayEventBatch batch, long from, long to, long gapMs, bool authenticated)
    {
        for (var t = from; t < to; t += gapMs)
        {
            var fields = new GatewayEventFields
            {
                TimestampMs = t,
                EventKey = (ulong)t,
                Account = authenticated ? "svc.a"u8 : default,
                Agency = authenticated ? "SVC"u8 : default,
                Api = "citizen/lookup"u8,
                ClientIp = IpAddresses.FromIPAddress(IPAddress.Parse(authenticated ? "10.3.0.4" : "203.0.113.9")),
                UserAgent = "client/1.0"u8,
                Status = 200,
                LatencyMs = 20,
            };
            batch.Add(in fields);
        }
    }
}
