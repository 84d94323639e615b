using System.Text;
using LogSentinel.Detect;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Store.Events;

namespace LogSentinel.Tests.Detect;

/// <summary>The event-time core without a store: watermark, late events, merging, ids, interning.</summary>
public sealed class EngineTests
{
    private static readonly long T0 = new DateTimeOffset(2024, 1, 10, 20, 0, 0, TimeSpan.FromHours(7)).ToUnixTimeMilliseconds();

    [Fact]
    public void Add_EventOlderThanWatermark_CountedLate_NotScored()
    {
        var engine = new DetectionEngine(new DetectionOptions(), ReferenceData.Empty, TimeProvider.System);
        var batch = new AppEventBatch();
        AddFailedLogin(batch, T0 + 600_000, "10.0.0.9");
        AddFailedLogin(batch, T0, "10.0.0.9");

        engine.Add(batch, 0);
        engine.Add(batch, 1);

        Assert.Equal(2, engine.Stats.Events);
        Assert.Equal(1, engine.Stats.LateEvents);
    }

    [Fact]
    public void BruteForce_BurstThenSuccess_OneAlertMergedAndDetectedAtWindowEnd()
    {
        var engine = new DetectionEngine(new DetectionOptions(), ReferenceData.Empty, TimeProvider.System);
        var batch = new AppEventBatch();
        for (var i = 0; i < 30; i++)
        {
            AddFailedLogin(batch, T0 + (i * 10_000), "10.0.0.9");
        }

        AddEvent(batch, T0 + 400_000, "login", "victim", "10.0.0.9");
        for (var row = 0; row < batch.Count; row++)
        {
            engine.Add(batch, row);
        }

        engine.Complete();
        var alerts = new List<DetectedAlert>();
        engine.DrainChangedAlerts(alerts);

        var alert = Assert.Single(alerts, a => a.EntityKind == EntityKinds.Ip);
        Assert.Equal(AlertTypes.BruteForce, alert.Type);
        Assert.Equal("10.0.0.9", alert.Entity);
        Assert.True(alert.Occurrences >= 2);
        Assert.Equal(95, alert.Score);
        Assert.Equal(0, alert.DetectedAtMs % 60_000);
    }

    [Fact]
    public void AlertMerger_RepeatWithinGap_Merges_AfterGap_OpensNew()
    {
        var merger = new AlertMerger(3_600_000, TimeProvider.System);
        merger.Add(Candidate(0, 60_000), 60_000);
        merger.Add(Candidate(1_000_000, 1_060_000), 1_060_000);
        merger.Add(Candidate(10_000_000, 10_060_000), 10_060_000);
        var alerts = new List<DetectedAlert>();
        merger.DrainChanged(alerts);

        Assert.Equal(2, alerts.Count);
        Assert.Equal(2, alerts[0].Occurrences);
        Assert.Equal(1_060_000, alerts[0].LastSeenMs);
        Assert.NotEqual(alerts[0].Id, alerts[1].Id);
        Assert.Equal(AlertIds.For("brute_force", "ip", "10.0.0.9", 0), alerts[0].Id);
    }

    [Fact]
    public void Utf8Interner_SameBytes_SameId_NoAllocationOnHit()
    {
        var interner = new Utf8Interner();
        var name = Encoding.UTF8.GetBytes("tp.vpdk.nguyenvana");
        var id = interner.Intern(name, out var added);
        Assert.True(added);

        var misses = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            misses += interner.Intern(name, out _) == id ? 0 : 1;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, misses);
        Assert.Equal(0, allocated);
        Assert.Equal("tp.vpdk.nguyenvana", interner.Name(id));
    }

    [Fact]
    public void WeakCredentials_DefaultPasswordEveryWorkingDay_StaysOneAlertCountingEveryLogin()
    {
        var engine = new DetectionEngine(new DetectionOptions(), ReferenceData.Empty, TimeProvider.System);
        var batch = new AppEventBatch();
        for (var day = 0; day < 12; day++)
        {
            if (day % 7 is 5 or 6)
            {
                continue;
            }

            batch.Add(new AppEventFields
            {
                TimestampMs = T0 + (day * 86_400_000L),
                EventKey = (ulong)day,
                Event = "login"u8,
                Account = "lx.vpdk.a"u8,
                ClientIp = IpAddresses.FromIPAddress(System.Net.IPAddress.Parse("10.0.0.5")),
                DefaultPassword = 1,
                PasswordAgeDays = 400,
            });
        }

        for (var row = 0; row < batch.Count; row++)
        {
            engine.Add(batch, row);
        }

        engine.Complete();
        var alerts = new List<DetectedAlert>();
        engine.DrainChangedAlerts(alerts);

        // The newest version of each alert is the last one drained.
        var alert = Assert.Single(alerts.Where(a => a.Type == AlertTypes.WeakCredentials).GroupBy(a => a.Id).Select(g => g.Last()));
        Assert.Equal(batch.Count, alert.Occurrences);
    }

    private static AlertCandidate Candidate(long start, long end) =>
        new("brute_force", "ip", "10.0.0.9", string.Empty, start, end, 60, new AlertExplanation([], "en", "vi"), new AlertEvidence(), IncidentCategory.UnauthorizedAccess);

    private static void AddFailedLogin(AppEventBatch batch, long ts, string ip) => AddEvent(batch, ts, "login_failed", "victim", ip);

    private static void AddEvent(AppEventBatch batch, long ts, string kind, string account, string ip)
    {
        var fields = new AppEventFields
        {
            TimestampMs = ts,
            EventKey = (ulong)ts,
            Event = Encoding.UTF8.GetBytes(kind),
            Account = Encoding.UTF8.GetBytes(account),
            ClientIp = IpAddresses.FromIPAddress(System.Net.IPAddress.Parse(ip)),
            DefaultPassword = -1,
            PasswordAgeDays = -1,
        };
        batch.Add(in fields);
    }
}
