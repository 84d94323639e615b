using System.Text.Json;
using System.Text.RegularExpressions;
using LogSentinel.Report;
using LogSentinel.Store;
using LogSentinel.Store.DeadLetters;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Report;

/// <summary>The daily report of a simulated day against the store's own counts, and what it stores.</summary>
[Collection(EmbeddedEngineCollectionDefinition.Name)]
public sealed partial class DailyReportTests(ReportWorldFixture world) : IClassFixture<ReportWorldFixture>
{
    private static ReportOptions Options() => new() { ChromiumPath = string.Empty };

    [Fact]
    public async Task Generate_SimulatedDay_ActivityEqualsTheStoresOwnCounts()
    {
        await using var store = StoreFactory.Open(SharedEngine.Options(world.Database));
        var report = (await new ReportService(store, Options()).GenerateAsync(world.Day)).Figures;
        var day = world.Day;

        var gateway = await StoreCounts.ScalarAsync(store, $"SELECT count() FROM gateway_events WHERE {StoreCounts.OnLocalDay("ts", day)}");
        var app = await StoreCounts.ScalarAsync(store, $"SELECT count() FROM app_events WHERE {StoreCounts.OnLocalDay("ts", day)}");
        var lookups = await StoreCounts.ScalarAsync(store, $"SELECT count() FROM app_events WHERE event = 'citizen_lookup' AND {StoreCounts.OnLocalDay("ts", day)}");
        var failed = await StoreCounts.ScalarAsync(store, $"SELECT count() FROM app_events WHERE event = 'login_failed' AND {StoreCounts.OnLocalDay("ts", day)}");
        var accounts = await StoreCounts.ScalarAsync(store,
            $"SELECT uniqExact(a) FROM (SELECT toString(account) AS a FROM gateway_events WHERE {StoreCounts.OnLocalDay("ts", day)} UNION ALL SELECT toString(account) FROM app_events WHERE {StoreCounts.OnLocalDay("ts", day)}) WHERE a != ''");

        var a = report.Glance.Activity;
        Assert.True(gateway > 0 && lookups > 0, "the simulated day has traffic");
        Assert.Equal(gateway, a.GatewayEvents);
        Assert.Equal(app, a.AppEvents);
        Assert.Equal(lookups, a.Lookups);
        Assert.Equal(failed, a.FailedLogins);
        Assert.Equal(accounts, a.ActiveAccounts);

        // The trend and the hourly chart come from the rollups; they must agree with the raw events.
        Assert.Equal((double)lookups, report.Trends.Lookups.Day);
        Assert.Equal((double)gateway, report.Trends.Requests.Day);
        Assert.Equal(lookups, report.HourlyLookups.Aggregate(0UL, (x, y) => x + y));
        Assert.Equal(day, report.Trends.Days[^1].Date);
    }

    [Fact]
    public async Task Generate_SimulatedDay_AlertFiguresEqualTheStoresOwnCounts()
    {
        await using var store = StoreFactory.Open(SharedEngine.Options(world.Database));
        var report = (await new ReportService(store, Options()).GenerateAsync(world.Day)).Figures;
        var start = $"toDateTime64('{world.Day:yyyy-MM-dd} 00:00:00', 3, 'Asia/Ho_Chi_Minh')";
        var overlapping = $"last_seen >= {start} AND first_seen < {start} + INTERVAL 1 DAY";

        var active = await StoreCounts.ScalarAsync(store, $"SELECT count() FROM alerts FINAL WHERE {overlapping}");
        var fresh = await StoreCounts.ScalarAsync(store, $"SELECT count() FROM alerts FINAL WHERE {StoreCounts.OnLocalDay("first_seen", world.Day)}");
        var byType = await StoreCounts.PairsAsync(store, $"SELECT type, count() FROM alerts FINAL WHERE {overlapping} GROUP BY type");
        var bySeverity = await StoreCounts.PairsAsync(store, $"SELECT severity, count() FROM alerts FINAL WHERE {overlapping} GROUP BY severity");
        var byAgency = await StoreCounts.PairsAsync(store, $"SELECT agency, count() FROM alerts FINAL WHERE {overlapping} AND agency != '' GROUP BY agency");

        Assert.True(active > 0, "the report day has alerts");
        Assert.Equal((int)active, report.Glance.AlertsActive);
        Assert.Equal((int)fresh, report.Glance.AlertsNew);
        Assert.Equal(byType, report.AlertsByType.ToDictionary(r => r.Key, r => (ulong)r.Alerts, StringComparer.Ordinal));
        Assert.Equal(byAgency, report.AlertsByAgency.ToDictionary(r => r.Key, r => (ulong)r.Alerts, StringComparer.Ordinal));
        foreach (var (severity, count) in report.Glance.AlertsBySeverity)
        {
            Assert.Equal(bySeverity.GetValueOrDefault(severity), (ulong)count);
        }

        Assert.Equal((double)fresh, report.Trends.Alerts.Day);

        // The riskiest account is the one with the highest-scoring account alert, and its reason is that alert's sentence.
        var worst = world.Alerts.Where(x => x.EntityKind == "account" && report.TopAccounts.Any(t => t.Name == x.Entity)).MaxBy(x => x.Score)!;
        Assert.Equal(worst.Score, report.TopAccounts[0].MaxScore);
        Assert.Contains(JsonDocument.Parse(worst.ExplanationJson).RootElement.GetProperty("summary_vi").GetString()!, report.TopAccounts[0].Reason, StringComparison.Ordinal);
        Assert.Contains(report.AlertsByType, r => r.Key == "brute_force");
    }

    [Fact]
    public async Task Generate_TriageAndDeadLetters_CountWhatWasClosedAndSetAsideThatDay()
    {
        var database = SharedEngine.NewDatabase("rpt");
        await using (var source = StoreFactory.Open(SharedEngine.Options(world.Database)))
        {
            // A copy of the world's alerts, so closing one here does not change the other tests' world.
            await using var copy = await SharedEngine.OpenMigratedAsync(database);
            await copy.Alerts.UpsertAsync([.. world.Alerts]);
        }

        await using var store = StoreFactory.Open(SharedEngine.Options(database));
        var dayStart = new DateTimeOffset(world.Day.ToDateTime(TimeOnly.MinValue), ReportWorldFixture.LocalOffset);
        var closed = world.Alerts.First(x => x.Type == "brute_force");
        var closedAt = dayStart.AddHours(16).UtcDateTime;
        await store.Alerts.UpsertAsync([closed with { State = "closed", Disposition = "true_positive", UpdatedAt = closedAt, RaisedAt = closedAt.AddHours(-5), Version = closed.Version + 1 }]);
        DeadLetter Letter(string reason, DateTimeOffset at) => new(Guid.NewGuid(), at.UtcDateTime, "gateway.jsonl", "gateway-json", "line 1", reason, "detail", [1], [2]);
        await store.DeadLetters.InsertAsync([
            Letter("bad_timestamp", dayStart.AddHours(9)), Letter("bad_timestamp", dayStart.AddHours(10)), Letter("line_too_long", dayStart.AddHours(23)),
            Letter("bad_timestamp", dayStart.AddDays(1).AddMinutes(1)),
        ]);

        var report = (await new ReportService(store, Options()).GenerateAsync(world.Day)).Figures;

        Assert.Equal((ulong)(world.Alerts.Count - 1), report.Triage.OpenTotal);
        Assert.Equal(1UL, Assert.Single(report.Triage.ClosedInSpanByDisposition, d => d.Key == "true_positive").Value);
        Assert.Equal(5.0, report.Triage.MedianHoursToClose!.Value, precision: 3);
        Assert.Equal(2UL, report.DataQuality.DeadLettersByReason["bad_timestamp"]);
        Assert.Equal(1UL, report.DataQuality.DeadLettersByReason["line_too_long"]);
        Assert.Contains(report.Headline.Points, p => p.Contains("3 dòng log bị loại", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Generate_ReplayedHistory_SourcesAreBackfilledNotLate()
    {
        await using var store = StoreFactory.Open(SharedEngine.Options(world.Database));
        var report = (await new ReportService(store, Options()).GenerateAsync(world.Day)).Figures;

        Assert.Equal(2, report.DataQuality.Sources.Count);
        Assert.All(report.DataQuality.Sources, s => Assert.Equal("backfilled", s.Status));
        Assert.Contains(report.DataQuality.Sources, s => s.Activity.Table == "gateway_events" && s.Activity.EventsInSpan == report.Glance.Activity.GatewayEvents);
    }

    [Fact]
    public async Task Generate_DayWithoutData_SaysSoPlainly()
    {
        await using var store = StoreFactory.Open(SharedEngine.Options(world.Database));
        var quiet = world.Day.AddDays(-200);
        var report = (await new ReportService(store, Options()).GenerateAsync(quiet, language: "vi")).Stored;
        using var json = JsonDocument.Parse(report.Json);

        Assert.False(json.RootElement.GetProperty("has_data").GetBoolean());
        Assert.Equal("Không có dữ liệu cho ngày này", json.RootElement.GetProperty("headline").GetProperty("message").GetString());
        Assert.Contains("Không có dữ liệu cho ngày này", report.Html, StringComparison.Ordinal);
        Assert.Contains("chưa được nạp", report.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data:image/png", report.Html, StringComparison.Ordinal);

        var english = (await new ReportService(store, Options()).GenerateAsync(quiet, language: "en")).Stored;
        Assert.Contains("No data for this day", english.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_EmptyStore_SaysSoAndReportsNoSources()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        var report = (await new ReportService(store, Options()).GenerateAsync(new DateOnly(2024, 3, 4))).Figures;

        Assert.False(report.HasData);
        Assert.Empty(report.DataQuality.Sources);
        Assert.Equal(0, report.Trends.HistoryDays);
        Assert.True(report.Tuning.Available);
        Assert.Empty(report.Tuning.Changes);
    }

    [Fact]
    public async Task Generate_DayWithATuningChange_ListsWhoChangedWhatAndWhy()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        var document = new LogSentinel.Store.Tuning.TuningDocument { Thresholds = [new LogSentinel.Store.Tuning.ThresholdOverride("BruteForce:IpFailures", "30")] };
        var saved = await store.Tuning.SaveAsync(new LogSentinel.Store.Tuning.TuningChange(document, 0, "lan", "too noisy at the one-stop centre", "set BruteForce:IpFailures=30"));
        var day = DateOnly.FromDateTime(new DateTimeOffset(saved.WrittenAt, TimeSpan.Zero).ToOffset(ReportWorldFixture.LocalOffset).DateTime);

        var stored = await new ReportService(store, Options()).GenerateAsync(day);
        var previousDay = (await new ReportService(store, Options()).GenerateAsync(day.AddDays(-1))).Figures;

        var change = Assert.Single(stored.Figures.Tuning.Changes);
        Assert.Equal(("lan", "v1: set BruteForce:IpFailures=30", "too noisy at the one-stop centre"), (change.Who, change.What, change.Why));
        Assert.Contains("too noisy at the one-stop centre", stored.Stored.Html, StringComparison.Ordinal);
        Assert.Empty(previousDay.Tuning.Changes);
    }

    [Fact]
    public async Task Generate_Twice_StoresOneReportPerDayAgencyAndLanguage()
    {
        await using var store = StoreFactory.Open(SharedEngine.Options(world.Database));
        var service = new ReportService(store, Options());
        await service.GenerateAsync(world.Day, language: "vi");
        await service.GenerateAsync(world.Day, language: "en");
        var second = await service.GenerateAsync(world.Day, language: "vi");

        var listed = await service.ListAsync(world.Day, world.Day);
        Assert.Equal(["en", "vi"], listed.Where(r => r.Agency.Length == 0).Select(r => r.Language).Order(StringComparer.Ordinal));
        var fetched = await service.GetAsync(world.Day, language: "vi");
        Assert.NotNull(fetched);
        Assert.Equal(second.Stored.Html, fetched.Html);
        Assert.Equal(second.Stored.Json, fetched.Json);
        Assert.Null(await service.GetAsync(world.Day.AddDays(-300), language: "vi"));
    }

    [Fact]
    public async Task Generate_ForOneAgency_CountsOnlyThatAgency()
    {
        await using var store = StoreFactory.Open(SharedEngine.Options(world.Database));
        var agency = world.Alerts.First(x => x.Type == "brute_force" && x.Agency.Length > 0).Agency;
        var report = (await new ReportService(store, Options()).GenerateAsync(world.Day, agency)).Figures;

        var lookups = await StoreCounts.ScalarAsync(store,
            $"SELECT count() FROM app_events WHERE event = 'citizen_lookup' AND agency = '{agency}' AND {StoreCounts.OnLocalDay("ts", world.Day)}");
        Assert.Equal(lookups, report.Glance.Activity.Lookups);
        Assert.All(report.AlertsByAgency, r => Assert.Equal(agency, r.Key));
        Assert.Equal(agency, report.Agency);
    }

    [Fact]
    public async Task Render_ReportHtml_NamesNoCitizenIdAndEmbedsItsCharts()
    {
        await using var store = StoreFactory.Open(SharedEngine.Options(world.Database));
        var stored = (await new ReportService(store, Options()).GenerateAsync(world.Day)).Stored;

        Assert.Equal(3, CountOf(stored.Html, "src=\"data:image/png;base64,"));
        Assert.DoesNotMatch(TwelveDigits(), stored.Html);
        Assert.DoesNotMatch(TwelveDigits(), stored.Json);
        Assert.Contains("@page { size: A4", stored.Html, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<![0-9a-f])\d{12}(?![0-9a-f])")]
    private static partial Regex TwelveDigits();

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
