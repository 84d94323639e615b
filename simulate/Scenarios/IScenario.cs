using LogSentinel.Simulate.Events;

namespace LogSentinel.Simulate.Scenarios;

/// <summary>
/// A misuse scenario: planned once against the world (targets, windows, labels), then asked for its events day
/// by day. Every day must be producible on its own and from the scenario's own streams, so days can be generated
/// in parallel and still come out identical.
/// </summary>
internal interface IScenario
{
    ScenarioKind Kind { get; }

    /// <summary>Chooses targets and windows, adjusts the world where the scenario changes benign behaviour, adds labels.</summary>
    void Plan(ScenarioPlanner planner);

    /// <summary>Appends the scenario's own events of <see cref="EventBuffer.Day"/>.</summary>
    void Generate(EventBuffer buffer);

    /// <summary>Alters events already in the day (after every generator ran), e.g. failures during an outage.</summary>
    void Rewrite(EventBuffer buffer)
    {
    }
}
