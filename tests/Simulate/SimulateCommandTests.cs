using LogSentinel.Cli.Hosting;

namespace LogSentinel.Tests.Simulate;

public sealed class SimulateCommandTests
{
    [Fact]
    public async Task Simulate_WritesLogsReferenceDataLabelsAndASummary()
    {
        var dir = Path.Combine(Path.GetTempPath(), "logsentinel-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = await LogSentinelCli.RunAsync(
                ["simulate", "--days", "2", "--accounts", "60", "--out", dir, "--scenarios", "brute_force:low", "--seed", "4"], stdout, stderr);

            Assert.True(code == 0, stderr.ToString());
            foreach (var file in new[] { "gateway.jsonl", "app.jsonl", "accounts.csv", "networks.csv", "delegations.csv", "labels.jsonl" })
            {
                Assert.True(File.Exists(Path.Combine(dir, file)), file);
            }

            var text = stdout.ToString();
            Assert.Contains("brute_force", text, StringComparison.Ordinal);
            Assert.Contains("events/s", text, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Simulate_OneDayWithEveryScenario_LabelsEach()
    {
        var dir = Path.Combine(Path.GetTempPath(), "logsentinel-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var stderr = new StringWriter();
            var code = await LogSentinelCli.RunAsync(
                ["simulate", "--days", "1", "--accounts", "60", "--out", dir, "--scenarios", "all", "--seed", "4"], new StringWriter(), stderr);

            Assert.True(code == 0, stderr.ToString());
            Assert.Contains("low_and_slow", File.ReadAllText(Path.Combine(dir, "labels.jsonl")), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Simulate_UnknownScenario_FailsWithAMessage()
    {
        var stderr = new StringWriter();
        var code = await LogSentinelCli.RunAsync(["simulate", "--out", Path.GetTempPath(), "--scenarios", "bulk"], new StringWriter(), stderr);

        Assert.Equal(1, code);
        Assert.Contains("Unknown scenario 'bulk'", stderr.ToString(), StringComparison.Ordinal);
    }
}
