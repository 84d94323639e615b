using LogSentinel.Store.Alerts;
using LogSentinel.Tests.Detect;
using LogSentinel.Tests.Simulate;

namespace LogSentinel.Tests.Report;

/// <summary>
/// Four days of a 120-account province with scripted lookups, password guessing and default passwords, replayed
/// with detection into a database of its own; the report day is the local day of the password-guessing alert.
/// </summary>
public sealed class ReportWorldFixture : IAsyncLifetime
{
    public static readonly TimeSpan LocalOffset = TimeSpan.FromHours(7);

    internal SimulatedRun Run { get; } = SimulatedRun.Create(days: 4, accounts: 120, "scripted_bulk_lookup,brute_force,weak_credentials", seed: 5);

    internal string Database { get; private set; } = string.Empty;

    internal IReadOnlyList<AlertRecord> Alerts { get; private set; } = [];

    /// <summary>The local day the report tests look at: it has traffic and alerts.</summary>
    internal DateOnly Day { get; private set; }

    public async Task InitializeAsync()
    {
        (Database, _, Alerts) = await DetectionReplay.RunAsync(Run);
        var bruteForce = Alerts.First(a => a.Type == "brute_force");
        Day = DateOnly.FromDateTime(bruteForce.FirstSeen + LocalOffset);
    }

    public Task DisposeAsync()
    {
        Run.Dispose();
        return Task.CompletedTask;
    }
}
