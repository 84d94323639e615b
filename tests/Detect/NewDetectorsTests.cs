using System.Net;
using LogSentinel.Detect;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Detectors.AccountSharing;
using LogSentinel.Detect.Detectors.OffHours;
using LogSentinel.Detect.Detectors.UnknownSource;
using LogSentinel.Detect.Detectors.VolumeSpike;
using LogSentinel.Detect.Engine;
using LogSentinel.Store.Events;
using LogSentinel.Tests.Simulate;

namespace LogSentinel.Tests.Detect;

/// <summary>The off-hours, volume and new-address rules over a holiday fortnight, and their cost per event.</summary>
public sealed class NewDetectorsTests
{
    [Fact]
    public async Task Replay_BenignFortnightOverTet_NightShiftsSaturdaysAndServices_RaiseNothing()
    {
        // Tet 2024 (8-14 February) with the weekends around it: police night shifts, one-stop Saturday mornings and
        // integrations running through the holiday.
        using var run = SimulatedRun.Create(days: 14, accounts: 150, "none", seed: 11, start: new DateOnly(2024, 2, 1));

        var (_, _, alerts) = await DetectionReplay.RunAsync(run);

        Assert.True(alerts.Count == 0, string.Join("; ", alerts.Select(a => $"{a.Type} {a.Entity}")));
    }

    [Fact]
    public async Task Replay_BenignLargeProvinceOverTheAprilHolidays_RaisesNothing()
    {
        // A province of 1,000 accounts over Reunification and Labour Day (27 April - 1 May 2024): busy working
        // mornings before and after five days off, night shifts running through them.
        using var run = SimulatedRun.Create(days: 9, accounts: 1000, "none", seed: 17, start: new DateOnly(2024, 4, 24));

        var (_, _, alerts) = await DetectionReplay.RunAsync(run);

        Assert.True(alerts.Count == 0, string.Join("; ", alerts.Select(a => $"{a.Type} {a.Entity}")));
    }

    [Fact]
    public void NewRules_SteadyTraffic_AllocateNothingPerEvent()
    {
        var options = new DetectionOptions();
        var reference = new ReferenceData([], [new("SVC", "10.3.0.0/24", IPAddress.Parse("10.3.0.0"), IPAddress.Parse("10.3.0.255"), "svc")], []);
        var entities = new EntityTable(reference, options.LocalOffset);
        var context = new DetectionContext(entities, options, new EventTimeScheduler(), new AlertMerger(0, TimeProvider.System));
        Detector[] detectors = [new OffHoursDetector(), new VolumeSpikeDetector(), new UnknownSourceAccountDetector(), new AccountSharingDetector()];
        for (var i = 0; i < detectors.Length; i++)
        {
            detectors[i].Index = i;
        }

        var t0 = new DateTimeOffset(2024, 1, 10, 21, 0, 0, TimeSpan.FromHours(7)).ToUnixTimeMilliseconds();
        var account = entities.InternAccount("svc.a"u8);
        var agency = entities.InternAgency("SVC"u8);
        var api = entities.InternApi("citizen/lookup"u8);
        var ipA = entities.InternIp(IpAddresses.FromIPAddress(IPAddress.Parse("10.3.0.4")));
        var ipB = entities.InternIp(IpAddresses.FromIPAddress(IPAddress.Parse("10.3.0.5")));

        void Feed(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                var ts = t0 + (i * 1_000L);
                var lookup = new AppEvent { TimestampMs = ts, EventKey = (ulong)i, Kind = AppEventKind.CitizenLookup, Account = account, Agency = agency, Ip = (i & 1) == 0 ? ipA : ipB };
                var request = new GatewayEvent { TimestampMs = ts, EventKey = (ulong)i, Account = account, Agency = agency, Ip = ipA, Api = api, Status = 200, LatencyMs = 20 };
                foreach (var d in detectors)
                {
                    d.OnApp(in lookup, context);
                    d.OnGateway(in request, context);
                }
            }
        }

        // Warm up: states, rings and the scheduler's queue reach their size within the first minutes.
        Feed(0, 600);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Feed(600, 650);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }
}
