namespace LogSentinel.Simulate.Scenarios;

/// <summary>How strongly a scenario shows: volume, duration and number of entities involved.</summary>
public enum ScenarioIntensity
{
    Low,
    Medium,
    High,
}
