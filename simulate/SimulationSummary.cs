using LogSentinel.Simulate.Scenarios;

namespace LogSentinel.Simulate;

/// <summary>What a run generated.</summary>
public sealed class SimulationSummary
{
    /// <summary>Lines in the gateway log.</summary>
    public long GatewayEvents { get; init; }

    /// <summary>Lines in the application log.</summary>
    public long AppEvents { get; init; }

    /// <summary>All log lines.</summary>
    public long TotalEvents => GatewayEvents + AppEvents;

    /// <summary>Staff accounts (any status).</summary>
    public int StaffAccounts { get; init; }

    /// <summary>System-to-system service accounts.</summary>
    public int ServiceAccounts { get; init; }

    /// <summary>Accounts per status in <c>accounts.csv</c> (active, transferred, retired, disabled).</summary>
    public IReadOnlyDictionary<string, int> AccountsByStatus { get; init; } = new Dictionary<string, int>();

    public int Provinces { get; init; }

    public int Agencies { get; init; }

    public int Networks { get; init; }

    public int Delegations { get; init; }

    public int Days { get; init; }

    /// <summary>The ground truth written to <c>labels.jsonl</c>.</summary>
    public IReadOnlyList<GroundTruthLabel> Labels { get; init; } = [];

    /// <summary>Wall time of the generation (world, scenarios, logs).</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Log lines per second of wall time.</summary>
    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? TotalEvents / Elapsed.TotalSeconds : 0;
}
