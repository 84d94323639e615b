using System.Globalization;
using LogSentinel.Tests.Simulate;

namespace LogSentinel.Tests.Detect;

/// <summary>Replays of one small world with account sharing: twice into one database, and with a delegation.</summary>
public sealed class ReplayDeterminismTests : IDisposable
{
    private readonly SimulatedRun _run = SimulatedRun.Create(days: 5, accounts: 100, "account_sharing,brute_force:low", seed: 9);

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Replay_SameFilesTwice_IdenticalAlerts_NoEventStoredTwice()
    {
        var (database, _, first) = await DetectionReplay.RunAsync(_run);
        var (_, output, second) = await DetectionReplay.RunAsync(_run, database);

        Assert.NotEmpty(first);
        Assert.Equal(first.Select(DetectionReplay.WithoutWallClock), second.Select(DetectionReplay.WithoutWallClock));
        Assert.Matches(@"Events stored\s*│\s*0\s", output);
    }

    [Fact]
    public async Task Replay_SharedAccountCoveredByDelegation_NoSharingAlert()
    {
        var shared = _run.Labels.Single(l => l.Scenario == "account_sharing");
        var delegations = Path.Combine(_run.Directory, "delegations-covering.csv");
        File.WriteAllLines(delegations,
        [
            "account,delegate,valid_from,valid_to,reason",
            string.Create(CultureInfo.InvariantCulture, $"{shared.Entity},colleague,{_run.Options.Start:yyyy-MM-dd},{_run.Options.Start.AddDays(_run.Options.Days):yyyy-MM-dd},Đi công tác"),
        ]);

        var (_, _, covered) = await DetectionReplay.RunAsync(_run, delegations: delegations);
        var (_, _, uncovered) = await DetectionReplay.RunAsync(_run);

        Assert.Contains(uncovered, a => a.Type == "account_sharing" && a.Entity == shared.Entity);
        Assert.DoesNotContain(covered, a => a.Type == "account_sharing" && a.Entity == shared.Entity);
    }
}
