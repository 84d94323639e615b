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
