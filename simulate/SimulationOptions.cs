using LogSentinel.Simulate.Output;
using LogSentinel.Simulate.Scenarios;

namespace LogSentinel.Simulate;

/// <summary>What to simulate. Everything about the output follows from these values and nothing else.</summary>
public sealed class SimulationOptions
{
    /// <summary>Seed of every random choice; the same options give byte-identical output. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>First simulated local day. Default 2024-01-01.</summary>
    public DateOnly Start { get; init; } = new(2024, 1, 1);

    /// <summary>Number of days. Default 30.</summary>
    public int Days { get; init; } = 30;

    /// <summary>Number of staff accounts; service accounts (three per province) come on top. Default 2000.</summary>
    public int Accounts { get; init; } = 2000;

    /// <summary>Format of the gateway log. Default JSON Lines.</summary>
    public GatewayFormat GatewayFormat { get; init; } = GatewayFormat.Json;

    /// <summary>Scenarios to inject; empty for benign traffic only.</summary>
    public IReadOnlyList<ScenarioRequest> Scenarios { get; init; } = [];

    /// <summary>Days generated at once (output order and bytes do not depend on it). Default: processor count.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid value.</summary>
    public void Validate()
    {
        if (Days is < 1 or > 3660)
        {
            throw new ArgumentException($"Days must be between 1 and 3660 (got {Days}).");
        }

        if (Accounts is < 20 or > 200_000)
        {
            throw new ArgumentException($"Accounts must be between 20 and 200000 (got {Accounts}).");
        }

        if (Parallelism < 1)
        {
            throw new ArgumentException($"Parallelism must be at least 1 (got {Parallelism}).");
        }
    }
}
