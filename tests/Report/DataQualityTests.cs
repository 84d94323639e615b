using System.Net;
using System.Text;
using LogSentinel.Report;
using LogSentinel.Store;
using LogSentinel.Store.Events;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Report;

/// <summary>Coverage and data quality: silent sources, ingest gaps within the working hours, late feeds.</summary>
[Collection(EmbeddedEngineCollectionDefinition.Name)]
public sealed class DataQualityTests
{
    private static readonly TimeSpan Local = TimeSpan.FromHours(7);
    private static readonly DateOnly Day = new(2024, 1, 15);

    [Fact]
    public async Task Generate_SourcesWithGapsAndASilence_ReportsThemAndNothingElse()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        var start = new DateTimeOffset(Day.ToDateTime(TimeOnly.MinValue), Local);
        var batch = new GatewayEventBatch();
        ulong key = 0;
        void Add(string source, DateTimeOffset at) => batch.Add(Event(source, at, ++key));
        for (var t = start.AddDays(-1); t < start.AddDays(1); t = t.AddMinutes(10))
        {
            Add("gw-steady", t);
        }

        for (var t = start.AddHours(7); t < start.AddHours(18); t = t.AddMinutes(5))
        {
            if (t < start.AddHours(9) || t >= start.AddHours(11.5))
            {
                Add("gw-gappy", t);
            }
        }

        for (var t = start.AddDays(-2).AddHours(8); t < start.AddDays(-2).AddHours(9); t = t.AddMinutes(5))
        {
            Add("gw-gone", t);
        }

        for (var t = start.AddHours(10); t < start.AddHours(16); t = t.AddMinutes(5))
        {
            Add("gw-late-start", t);
        }

        await store.InsertGatewayEventsAsync(batch);

        var quality = (await new ReportService(store, new ReportOptions()).GenerateAsync(Day)).Figures.DataQuality;

        Assert.Equal(["gw-gappy", "gw-gone", "gw-late-start", "gw-steady"], quality.Sources.Select(s => s.Activity.Source));
        Assert.Equal("silent", quality.Sources.Single(s => s.Activity.Source == "gw-gone").Status);
        Assert.Equal(0UL, quality.Sources.Single(s => s.Activity.Source == "gw-gone").Activity.EventsInSpan);
        Assert.Equal(144UL, quality.Sources.Single(s => s.Activity.Source == "gw-steady").Activity.EventsInSpan);
        Assert.Equal(3, quality.Gaps.Count);
        var gap = quality.Gaps.Single(g => g.Source == "gw-gappy");
        Assert.Equal(start.AddHours(8).AddMinutes(55).UtcDateTime, gap.From);
        Assert.Equal(start.AddHours(11.5).UtcDateTime, gap.To);
        // It started at 10:00 and stopped at 16:00: both ends of the watched 07:30-17:30 are silences.
        var lateStart = quality.Gaps.Where(g => g.Source == "gw-late-start").OrderBy(g => g.From).ToList();
        Assert.Equal((start.AddHours(7.5).UtcDateTime, start.AddHours(10).UtcDateTime), (lateStart[0].From, lateStart[0].To));
        Assert.Equal((start.AddHours(15).AddMinutes(55).UtcDateTime, start.AddHours(17.5).UtcDateTime), (lateStart[1].From, lateStart[1].To));
    }

    [Fact]
    public async Task Generate_FeedStoredLongAfterItsEvents_IsLate()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        var now = DateTimeOffset.UtcNow;
        var batch = new GatewayEventBatch();
        for (var i = 0; i < 10; i++)
        {
            batch.Add(Event("gw-slow", now.AddMinutes(-30).AddSeconds(i), (ulong)i + 1));
        }

        await store.InsertGatewayEventsAsync(batch);
        var day = DateOnly.FromDateTime(now.AddMinutes(-30).ToOffset(Local).DateTime);

        var quality = (await new ReportService(store, new ReportOptions { LateAfterMinutes = 10 }).GenerateAsync(day)).Figures.DataQuality;

        var source = Assert.Single(quality.Sources);
        Assert.Equal("late", source.Status);
        Assert.InRange(source.Activity.MedianDelaySeconds!.Value, 25 * 60, 60 * 60);
    }

    private static GatewayEventFields Event(string source, DateTimeOffset at, ulong key) => new()
    {
        TimestampMs = at.ToUnixTimeMilliseconds(),
        EventKey = key,
        ClientIp = IpAddresses.FromIPAddress(IPAddress.Parse("10.52.4.7")),
        Status = 200,
        LatencyMs = 80,
        BytesOut = 1000,
        Source = Encoding.UTF8.GetBytes(source),
        Method = "POST"u8,
        Path = "/api/dancu/v1/tra-cuu"u8,
        UserAgent = "Mozilla/5.0"u8,
        Account = "tp.vpdk.user1"u8,
        Agency = "BTH-VPDK-TUYPHONG"u8,
        Api = "dancu.tra-cuu-cong-dan"u8,
        RequestId = Encoding.UTF8.GetBytes($"req-{key}"),
        Extra = ""u8,
    };
}
