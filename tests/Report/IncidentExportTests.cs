using System.Text.Json;
using System.Text.RegularExpressions;
using LogSentinel.Report.Incidents;
using LogSentinel.Store;
using LogSentinel.Store.Alerts;
using LogSentinel.Tests.Cli;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Report;

/// <summary>Incident reports built from stored alerts: the national structure, the taxonomy, and pseudonyms only.</summary>
[Collection(EmbeddedEngineCollectionDefinition.Name)]
public sealed partial class IncidentExportTests(ReportWorldFixture world) : IClassFixture<ReportWorldFixture>
{
    private static readonly string[] Sections =
    [
        "1. Đơn vị báo cáo sự cố", "2. Hệ thống bị sự cố", "3. Thời điểm phát hiện sự cố", "4. Phân loại sự cố", "5. Mô tả sự cố",
        "6. Tóm tắt chứng cứ", "7. Biện pháp đã xử lý",
    ];

    [Fact]
    public async Task Build_ScriptedLookupAndBruteForce_HasEverySectionTheTaxonomyAndThePseudonyms()
    {
        await using var store = StoreFactory.Open(SharedEngine.Options(world.Database));
        var scripted = world.Alerts.First(a => a.Type == "scripted_bulk_lookup");
        var bruteForce = world.Alerts.First(a => a.Type == "brute_force");
        var options = new IncidentOptions { ReportingUnit = "Sở Thông tin và Truyền thông tỉnh Bình Thuận", ContactPhone = "0252 3822 000" };

        var report = await new IncidentExporter(store, options).BuildAsync([scripted.Id, bruteForce.Id]);

        Assert.Equal("(1) Tấn công mạng", report.Classification.Cause);
        Assert.Equal("tấn công truy cập trái phép, chiếm quyền điều khiển", report.Classification.Category);
        Assert.Contains("vi phạm quy định", report.Classification.CategoriesOfAlerts);
        Assert.Equal(new DateTimeOffset(DateTime.SpecifyKind(new[] { scripted.FirstSeen, bruteForce.FirstSeen }.Min(), DateTimeKind.Utc)), report.Timing.FirstSeen);
        Assert.Equal(TimeSpan.FromHours(7), report.Timing.DetectedAt.Offset);
        Assert.Contains(scripted.Entity, report.System.Accounts);
        var evidence = Assert.Single(report.Alerts, a => a.Id == scripted.Id);
        var stored = JsonDocument.Parse(scripted.EvidenceJson).RootElement.GetProperty("citizen_refs").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.NotEmpty(stored);
        Assert.Equal(stored.Take(options.MaxEvidenceItems), evidence.CitizenPseudonyms);
        Assert.Equal(stored.Count, evidence.CitizenPseudonymsTotal);
        Assert.Contains(report.ActionsTaken, a => a.Contains("phát hiện", StringComparison.Ordinal));
        Assert.Equal(2, report.Recommendations.Count);

        using var directory = new TempDirectory();
        var (html, json) = await IncidentExporter.WriteAsync(report, directory.Path);
        var page = await File.ReadAllTextAsync(html);
        var document = await File.ReadAllTextAsync(json);
        Assert.All(Sections, s => Assert.Contains(s, page, StringComparison.Ordinal));
        Assert.Contains("Sở Thông tin và Truyền thông tỉnh Bình Thuận", page, StringComparison.Ordinal);
        Assert.Contains("(chưa khai báo)", page, StringComparison.Ordinal);
        Assert.Contains(stored[0], page, StringComparison.Ordinal);
        Assert.DoesNotMatch(TwelveDigits(), page);
        Assert.DoesNotMatch(TwelveDigits(), document);
        using var parsed = JsonDocument.Parse(document);
        Assert.Equal("tấn công truy cập trái phép, chiếm quyền điều khiển", parsed.RootElement.GetProperty("classification").GetProperty("category").GetString());
        Assert.Equal(2, parsed.RootElement.GetProperty("alerts").GetArrayLength());
    }

    [Fact]
    public async Task Build_WeakCredentialsOnly_IsAPolicyViolationNotAnAttack()
    {
        await using var store = StoreFactory.Open(SharedEngine.Options(world.Database));
        var weak = world.Alerts.First(a => a.Type == "weak_credentials");

        var report = await new IncidentExporter(store, new IncidentOptions()).BuildAsync([weak.Id]);

        Assert.Equal(0, report.Classification.CauseCode);
        Assert.Equal("vi phạm quy định", report.Classification.Category);
    }

    [Fact]
    public async Task Build_AlertWithMarkupInItsEntity_IsEscapedInTheHtml()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        var template = world.Alerts.First(a => a.Type == "brute_force");
        var hostile = template with { Id = Guid.NewGuid(), Entity = "<script>alert(1)</script>", EntityKind = "account" };
        await store.Alerts.UpsertAsync([hostile]);

        var report = await new IncidentExporter(store, new IncidentOptions()).BuildAsync([hostile.Id]);
        using var directory = new TempDirectory();
        var (html, _) = await IncidentExporter.WriteAsync(report, directory.Path);
        var page = await File.ReadAllTextAsync(html);

        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_UnknownAlert_NamesTheMissingId()
    {
        await using var store = StoreFactory.Open(SharedEngine.Options(world.Database));
        var missing = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new IncidentExporter(store, new IncidentOptions()).BuildAsync([world.Alerts[0].Id, missing]));

        Assert.Contains(missing.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_Incident_WritesFilesAndRejectsAnIdThatIsNotOne()
    {
        using var directory = new TempDirectory();
        var alert = world.Alerts.First(a => a.Type == "brute_force");
        string[] common = ["--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={world.Database}"];

        var (exitCode, output, error) = await CliRunner.RunAsync(["incident", .. common, "--alert", alert.Id.ToString(), "--out", directory.Path]);
        Assert.True(exitCode == 0, error);
        Assert.Contains("HTML:", output, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(directory.Path, "incident-*.html"));
        Assert.Single(Directory.GetFiles(directory.Path, "incident-*.json"));

        (exitCode, _, error) = await CliRunner.RunAsync(["incident", .. common, "--alert", "not-an-id"]);
        Assert.Equal(1, exitCode);
        Assert.Contains("--alert 'not-an-id' is not an alert id", error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<![0-9a-f])\d{12}(?![0-9a-f])")]
    private static partial Regex TwelveDigits();
}
