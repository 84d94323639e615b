using LogSentinel.Tests.Cli;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Report;

/// <summary><c>logsentinel report</c> and <c>report list</c> through the real command line.</summary>
[Collection(EmbeddedEngineCollectionDefinition.Name)]
public sealed class ReportCommandTests(ReportWorldFixture world) : IClassFixture<ReportWorldFixture>
{
    [Fact]
    public async Task Report_WritesFilesStoresTheReportAndPrintsTheKeyMessage()
    {
        using var directory = new TempDirectory();
        string[] common = ["--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={world.Database}"];

        var (exitCode, output, error) = await CliRunner.RunAsync(
            ["report", .. common, "--date", $"{world.Day:yyyy-MM-dd}", "--lang", "en", "--out", directory.Path, "-s", "Report:ChromiumPath=/nonexistent/chromium"]);

        Assert.True(exitCode == 0, error);
        Assert.Contains("high or critical alerts were active", output, StringComparison.Ordinal);
        Assert.Contains("No PDF: Report:ChromiumPath '/nonexistent/chromium' does not exist.", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory.Path, $"logsentinel-report-{world.Day:yyyy-MM-dd}-en.html")));
        Assert.True(File.Exists(Path.Combine(directory.Path, $"logsentinel-report-{world.Day:yyyy-MM-dd}-en.json")));

        (exitCode, output, error) = await CliRunner.RunAsync(["report", "list", .. common]);
        Assert.True(exitCode == 0, error);
        Assert.Contains($"{world.Day:yyyy-MM-dd}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateScheduler_FromTheCommandLine_UsesTheConfiguredScheduleAndOffset()
    {
        var parse = LogSentinel.Cli.Hosting.LogSentinelCli.CreateRoot().Parse(
            ["report", "--data-dir", SharedEngine.DataPath, "-s", "Report:Schedule=30 5 * * 1-5", "-s", "Detection:LocalOffset=08:00:00"]);
        await using var store = await SharedEngine.OpenMigratedAsync();

        var scheduler = LogSentinel.Cli.Report.ReportSettings.CreateScheduler(parse, store);

        // Friday 2024-01-05 06:00 at UTC+8: the next weekday 05:30 is Monday.
        Assert.Equal(
            new DateTimeOffset(2024, 1, 8, 5, 30, 0, TimeSpan.FromHours(8)),
            scheduler.NextRun(new DateTimeOffset(2024, 1, 5, 6, 0, 0, TimeSpan.FromHours(8))));
    }

    [Theory]
    [InlineData("--date", "2024-13-01", "--date '2024-13-01' is not a date written yyyy-MM-dd")]
    [InlineData("--lang", "fr", "--lang 'fr' is not supported: use vi or en.")]
    [InlineData("-s", "Report:Schedule=at six", "Report: Schedule 'at six' is not a five-field cron expression")]
    public async Task Report_BadInput_IsNamedInTheError(string option, string value, string expected)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(
            ["report", "--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={world.Database}", option, value, "--no-pdf", "--out", Path.GetTempPath()]);

        Assert.Equal(1, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
