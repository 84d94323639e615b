using System.Globalization;
using System.Text.RegularExpressions;
using LogSentinel.Store.Alerts;
using LogSentinel.Tests.Infrastructure;
using LogSentinel.Tests.Simulate;

namespace LogSentinel.Tests.Detect;

/// <summary>Event time, not arrival order, decides: lines shuffled within the allowed lateness give the same alerts.</summary>
public sealed partial class ReplayShuffleTests : IDisposable
{
    private readonly SimulatedRun _run = SimulatedRun.Create(
        days: 4, accounts: 120, "brute_force,weak_credentials,many_accounts_one_source,unknown_source,scripted_bulk_lookup", seed: 13);

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Replay_LinesShuffledWithinTheLateness_SameAlerts()
    {
        using var shuffled = new TempDirectory();
        foreach (var csv in new[] { "accounts.csv", "networks.csv", "delegations.csv" })
        {
            File.Copy(Path.Combine(_run.Directory, csv), Path.Combine(shuffled.Path, csv));
        }

        // Each line moves by less than a minute of event time: well inside the two minutes of allowed lateness.
        var random = new Random(7);
        File.WriteAllLines(Path.Combine(shuffled.Path, "gateway.jsonl"), Shuffle(_run.GatewayLines, random));
        File.WriteAllLines(Path.Combine(shuffled.Path, "app.jsonl"), Shuffle(_run.AppLines, random));

        var (_, _, ordered) = await DetectionReplay.RunAsync(_run);
        var (_, output, reordered) = await DetectionReplay.RunDirectoryAsync(shuffled.Path);

        Assert.Matches(@"Late events\s*│\s*0\s", output);
        Assert.NotEmpty(ordered);
        Assert.Equal(ordered.Select(Decision).Order(StringComparer.Ordinal), reordered.Select(Decision).Order(StringComparer.Ordinal));
    }

    /// <summary>What an alert decided; evidence lists follow arrival order and may differ.</summary>
    private static string Decision(AlertRecord a) => string.Create(CultureInfo.InvariantCulture,
        $"{a.Type} {a.EntityKind} {a.Entity} {a.WindowStart:O} {a.WindowEnd:O} {a.FirstSeen:O} {a.LastSeen:O} x{a.Occurrences} score {a.Score} at {a.DetectedAt:O}");

    private static string[] Shuffle(string[] lines, Random random) =>
        [.. lines.Select(l => (Line: l, Key: DateTimeOffset.Parse(Timestamp().Match(l).Groups[1].Value, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() + random.Next(0, 60_000)))
            .OrderBy(p => p.Key)
            .Select(p => p.Line)];

    [GeneratedRegex("\"ts\":\"([^\"]+)\"")]
    private static partial Regex Timestamp();
}
