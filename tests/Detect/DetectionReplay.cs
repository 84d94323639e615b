using LogSentinel.Store;
using LogSentinel.Store.Alerts;
using LogSentinel.Tests.Cli;
using LogSentinel.Tests.Infrastructure;
using LogSentinel.Tests.Simulate;

namespace LogSentinel.Tests.Detect;

/// <summary>Replays a simulated world through the real <c>logsentinel replay</c> path into a fresh database of the shared engine.</summary>
internal static class DetectionReplay
{
    /// <summary>Replays <paramref name="run"/>'s files; returns the database, the CLI output and the alerts stored.</summary>
    public static Task<(string Database, string Output, IReadOnlyList<AlertRecord> Alerts)> RunAsync(
        SimulatedRun run, string? database = null, string? delegations = null, params string[] settings) =>
        RunDirectoryAsync(run.Directory, database, delegations, settings);

    /// <summary>Replays the simulator's files in <paramref name="directory"/> (logs and reference CSVs).</summary>
    public static async Task<(string Database, string Output, IReadOnlyList<AlertRecord> Alerts)> RunDirectoryAsync(
        string directory, string? database = null, string? delegations = null, params string[] settings)
    {
        database ??= SharedEngine.NewDatabase("det");
        _ = SharedEngine.Transport;
        var args = new List<string>
        {
            "replay", "--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={database}",
            "--accounts", Path.Combine(directory, "accounts.csv"),
            "--networks", Path.Combine(directory, "networks.csv"),
            "--delegations", delegations ?? Path.Combine(directory, "delegations.csv"),
        };
        foreach (var setting in settings)
        {
            args.Add("-s");
            args.Add(setting);
        }

        args.Add(Path.Combine(directory, "gateway.jsonl"));
        args.Add(Path.Combine(directory, "app.jsonl"));
        var (exitCode, output, error) = await CliRunner.RunAsync([.. args]);
        Assert.True(exitCode == 0, error + output);
        return (database, output, await ListAsync(database));
    }

    public static async Task<IReadOnlyList<AlertRecord>> ListAsync(string database)
    {
        await using var store = StoreFactory.Open(SharedEngine.Options(database));
        return await store.Alerts.ListAsync(new AlertQuery());
    }

    /// <summary>An alert without its wall-clock fields, for comparing replays.</summary>
    public static AlertRecord WithoutWallClock(AlertRecord a) => a with { RaisedAt = default, UpdatedAt = default, Version = 0 };
}
