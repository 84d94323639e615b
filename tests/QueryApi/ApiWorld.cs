using LogSentinel.Report;
using LogSentinel.Store;
using LogSentinel.Store.Alerts;
using LogSentinel.Store.Reports;
using LogSentinel.Tests.Detect;
using LogSentinel.Tests.Infrastructure;
using LogSentinel.Tests.Simulate;

namespace LogSentinel.Tests.QueryApi;

/// <summary>
/// A small simulated province (4 days, 60 accounts, a scripted bulk lookup and a brute force) replayed through
/// detection into its own database, served by the query API: real alerts, real events, real rollups.
/// </summary>
public sealed class ApiWorld : IAsyncLifetime
{
    /// <summary>The simulated day the world's daily report covers.</summary>
    internal static readonly DateOnly ReportDay = new(2024, 1, 2);

    private SimulatedRun? _run;
    private Lazy<Task<StoredReport>>? _report;

    internal ApiServer Server { get; private set; } = null!;

    internal string Database { get; private set; } = string.Empty;

    internal IReadOnlyList<AlertRecord> Alerts { get; private set; } = [];

    /// <summary>The simulation's reference files.</summary>
    internal string Directory => _run!.Directory;

    public async Task InitializeAsync()
    {
        _run = SimulatedRun.Create(days: 4, accounts: 60, "scripted_bulk_lookup,brute_force,weak_credentials", seed: 11);
        (Database, _, Alerts) = await DetectionReplay.RunAsync(_run);
        Assert.NotEmpty(Alerts);
        var store = StoreFactory.Open(SharedEngine.Options(Database));
        Server = await ApiServer.StartAsync(store);
        _report = new(() => GenerateReportAsync(store));
    }

    /// <summary>The Vietnamese province-wide report of <see cref="ReportDay"/>, generated and stored once for every test that reads it.</summary>
    internal Task<StoredReport> ReportAsync() => _report!.Value;

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _run?.Dispose();
    }

    private static async Task<StoredReport> GenerateReportAsync(ILogStore store) =>
        (await new ReportService(store, new ReportOptions()).GenerateAsync(ReportDay, language: "vi")).Stored;

    /// <summary>An alert about an account (they have rollups, events and reference data).</summary>
    internal AlertRecord AccountAlert(string? type = null) =>
        Alerts.First(a => a.EntityKind == "account" && (type is null || a.Type == type));
}
