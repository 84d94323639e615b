using LogSentinel.Detect.Alerts;
using LogSentinel.Store.Models;
using LogSentinel.Tests.Cli;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Behaviour;

/// <summary>The model, evaluate, feedback and alert-budget commands through the real CLI.</summary>
public sealed class BehaviourCommandTests
{
    private static readonly DateTime Day0 = new(2024, 1, 7, 17, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Model_TrainListPromoteExportImportEvaluate_ThroughTheCli()
    {
        var database = SharedEngine.NewDatabase();
        var other = SharedEngine.NewDatabase();
        await using (var store = await SharedEngine.OpenMigratedAsync(database))
        {
            await store.Models.AddWindowsAsync([.. SyntheticWindows.Normal(500, 4).Select((f, i) => new ModelWindowRecord("account", $"a{i % 20}", Day0.AddDays(i / 20), f))]);
        }

        using var dir = new TempDirectory();
        var export = Path.Combine(dir.Path, "model.json");

        var train = await Run(database, "model", "train");
        var promote = await Run(database, "model", "promote", "1");
        var list = await Run(database, "model", "list");
        var exported = await Run(database, "model", "export", "1", "--out", export);
        var imported = await Run(other, "model", "import", export);
        var evaluate = await Run(database, "model", "evaluate", "1");
        var missing = await Run(database, "model", "promote", "9");

        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("Model 1 trained on 500 windows", Flat(train.Output), StringComparison.Ordinal);
        Assert.Equal(0, promote.ExitCode);
        Assert.Contains("promoted", list.Output, StringComparison.Ordinal);
        Assert.Equal(0, exported.ExitCode);
        Assert.Contains("Imported as model 1, in shadow", Flat(imported.Output), StringComparison.Ordinal);
        Assert.Contains("Windows scored", evaluate.Output, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no model 9", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_BadLabelsFile_NamesTheLine()
    {
        var database = SharedEngine.NewDatabase();
        using var dir = new TempDirectory();
        var labels = dir.Write("labels.jsonl", "{\"scenario\":\"x\"}\n");

        var (exitCode, _, error) = await Run(database, "evaluate", "--labels", labels);

        Assert.Equal(1, exitCode);
        Assert.Contains("line 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_AndBudget_ShowWhatTheyChange()
    {
        var database = SharedEngine.NewDatabase();
        var officers = BehaviourTraffic.Steady(12, 20, 20);
        for (var d = 15; d < 20; d++)
        {
            officers[0].Daily[d] = 80;
            officers[1].Daily[d] = 90;
        }

        var (alerts, _) = BehaviourTraffic.Run(officers);
        var accountAlerts = alerts.Where(a => a.Type == AlertTypes.UnusualVolume && a.EntityKind == "account").ToList();
        await using (var store = await SharedEngine.OpenMigratedAsync(database))
        {
            var records = accountAlerts.Select(a => AlertRecords.ToRecord(a, 1, DateTimeOffset.UtcNow)).ToList();
            await store.Alerts.UpsertAsync(records);
            await store.Alerts.UpsertAsync([records[0] with { State = "closed", Disposition = "false_positive", Version = 2 }]);
        }

        var feedback = await Run(database, "feedback");
        var budget = await Run(database, "alerts", "--budget", "1");

        Assert.Equal(2, accountAlerts.Count);
        Assert.True(feedback.ExitCode == 0, feedback.Error);
        Assert.Contains("Verdicts in force: 1", Flat(feedback.Output), StringComparison.Ordinal);
        Assert.Contains("1 lower-scored alert(s) held back", Flat(budget.Output), StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output, string Error)> Run(string database, params string[] args)
    {
        _ = SharedEngine.Transport;
        return CliRunner.RunAsync([.. args, "--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={database}"]);
    }

    /// <summary>Console output without the line breaks the table renderer inserts.</summary>
    private static string Flat(string output) => string.Join(' ', output.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
}
