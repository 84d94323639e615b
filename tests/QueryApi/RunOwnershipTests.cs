using System.Text.Json;
using LogSentinel.Cli.Serve;
using LogSentinel.Tests.Cli;
using LogSentinel.Tests.Infrastructure;
using LogSentinel.Tests.Kafka;
using LogSentinel.Tests.Live;
using LogSentinel.Tests.Simulate;

namespace LogSentinel.Tests.QueryApi;

/// <summary>
/// While <c>run</c> holds an embedded data directory and consumes Kafka, the operator's commands (<c>alerts</c>,
/// <c>store query</c>, every <c>tune</c> subcommand, <c>report</c>) work through its API, print what they print on the
/// store, and the audit trail names the process's local administrator.
/// </summary>
public sealed class RunOwnershipTests
{
    [Fact]
    public async Task Commands_BesideARunningRun_GoThroughItsApi()
    {
        using var sim = SimulatedRun.Create(days: 2, accounts: 40, "brute_force,weak_credentials", seed: 3);
        await using var world = await LiveTestWorld.StartAsync(sim);
        using var data = new TempDirectory();
        var dataDir = Path.Combine(data.Path, "data");
        string[] at = ["--data-dir", dataDir];
        await using var run = await RoleProcess.StartAsync(
            "Serving the API and console on",
            [
                "run", "--status-interval", "1", .. at,
                "--accounts", Path.Combine(sim.Directory, "accounts.csv"),
                "--networks", Path.Combine(sim.Directory, "networks.csv"),
                "--delegations", Path.Combine(sim.Directory, "delegations.csv"),
                "-s", "Api:Urls=http://127.0.0.1:0",
                .. world.RunSettings(),
            ]);
        Assert.NotNull(ServeOwnership.Read(dataDir));

        // Wait until run has stored every line and raised alerts (polling through its API; the timeout guards a hang).
        await KafkaTestBed.WaitForAsync(async () =>
        {
            var count = await CliRunner.RunAsync(["store", "query", "SELECT (SELECT count() FROM gateway_events) + (SELECT count() FROM app_events)", .. at]);
            var alerts = await CliRunner.RunAsync(["alerts", "--json", .. at]);
            return count.ExitCode == 0 && count.Output.Trim().Split('\n')[^1] == world.Lines.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && alerts.ExitCode == 0 && alerts.Output.Contains("weak_credentials", StringComparison.Ordinal);
        });

        var set = await Ok(["tune", "set", "BruteForce:IpFailures=40", "--reason", "fewer alerts on the shared NAT", .. at]);
        Assert.Matches(@"^Tuning version 1: set BruteForce:IpFailures=40 \(logsentinel tune by .+\)$", set.Trim());
        var show = await Ok(["tune", "show", .. at]);
        Assert.Contains("Tuning version 1", show, StringComparison.Ordinal);
        Assert.Contains("BruteForce:IpFailures", show, StringComparison.Ordinal);
        Assert.Contains("\"key\": \"BruteForce:IpFailures\"", await Ok(["tune", "show", "--json", .. at]), StringComparison.Ordinal);
        Assert.Contains("Tuning version 2: suppress s2", await Ok(["tune", "suppress", "--type", "brute_force", "--agency", "X", "--reason", "drill", .. at]), StringComparison.Ordinal);
        Assert.Contains("Tuning version 3: allow a3", await Ok(["tune", "allow", "--network", "10.0.0.0/8", "--type", "brute_force", "--reason", "scanner", .. at]), StringComparison.Ordinal);
        Assert.Contains("Tuning version 4: remove s2 a3", await Ok(["tune", "remove", "s2", "a3", "--reason", "drill over", .. at]), StringComparison.Ordinal);
        Assert.Contains("Tuning version 5: calendar holiday 2024-01-05", await Ok(["tune", "calendar", "--holiday", "2024-01-05", "--reason", "local holiday", .. at]), StringComparison.Ordinal);
        Assert.Contains("Tuning version 6: unset BruteForce:IpFailures", await Ok(["tune", "unset", "BruteForce:IpFailures", "--reason", "back", .. at]), StringComparison.Ordinal);
        Assert.Contains("Tuning version 7: revert to version 1", await Ok(["tune", "revert", "1", "--reason", "as before", .. at]), StringComparison.Ordinal);
        var history = await Ok(["tune", "history", .. at]);
        Assert.Contains("local-admin", history, StringComparison.Ordinal);
        Assert.Contains("drill over", history, StringComparison.Ordinal);

        var preview = await Ok(["tune", "preview", "WeakCredentials:MaxPasswordAgeDays=3650", "--days", "3", .. at]);
        Assert.Contains($"{world.Lines:N0} stored events from", preview, StringComparison.Ordinal);
        Assert.Matches(@"current\s+tuning\s+version\s+7", preview);
        Assert.Contains("weak_credentials", preview, StringComparison.Ordinal);

        // Keys are checked by the running process too: an unknown one is refused, naming it.
        var unknown = await CliRunner.RunAsync(["tune", "set", "BruteForce:NoSuchKnob=3", "--reason", "typo", .. at]);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("NoSuchKnob", unknown.Error, StringComparison.Ordinal);

        var networks = data.Write("networks.csv", "agency,cidr,label\nAG,10.52.4.0/24,branch LAN\n");
        Assert.Contains(ServeOwnership.Read(dataDir)!.Url, await Ok(["ref", "load", "--networks", networks, .. at]), StringComparison.Ordinal);
        Assert.Equal("1", (await Ok(["store", "query", "SELECT count() FROM ref_networks WHERE version = (SELECT max(version) FROM ref_networks)", .. at])).Trim().Split('\n')[^1]);

        var reports = Path.Combine(data.Path, "reports");
        var report = await Ok(["report", "--date", "2024-01-01", "--lang", "en", "--out", reports, "--no-pdf", .. at]);
        Assert.Contains("2024-01-01: ", report, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(reports, "logsentinel-report-2024-01-01-en.html")));
        Assert.Contains("\"date\"", await File.ReadAllTextAsync(Path.Combine(reports, "logsentinel-report-2024-01-01-en.json")), StringComparison.Ordinal);
        Assert.Contains("2024-01-01", await Ok(["report", "list", .. at]), StringComparison.Ordinal);

        var audit = await Ok(["store", "query", "SELECT actor, action FROM audit_log ORDER BY at FORMAT JSONEachRow", .. at]);
        var lines = audit.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(lines, l => Assert.Equal("local-admin", l.GetProperty("actor").GetString()));
        var actions = lines.Select(l => l.GetProperty("action").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "alert.records.read", "store.query", "reference.load", "tuning.change", "tuning.revert", "tuning.preview", "report.generate" }, actions);
    }

    /// <summary>Runs the command in this process (it finds the running process through serve.json); asserts exit 0 and returns what it printed.</summary>
    private static async Task<string> Ok(string[] args)
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(args);
        Assert.True(exitCode == 0, $"{string.Join(' ', args)}: {error}");
        return output;
    }
}
