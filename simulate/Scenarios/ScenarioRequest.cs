namespace LogSentinel.Simulate.Scenarios;

/// <summary>One scenario to inject.</summary>
/// <param name="Kind">Which scenario.</param>
/// <param name="Intensity">How strongly it shows.</param>
/// <param name="Start">When it starts (local time); null lets the seed choose a time typical for the scenario.</param>
/// <param name="Target">Account name or IP address to use; null lets the seed choose.</param>
public sealed record ScenarioRequest(ScenarioKind Kind, ScenarioIntensity Intensity = ScenarioIntensity.Medium,
    DateTimeOffset? Start = null, string? Target = null);
