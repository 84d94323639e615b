namespace LogSentinel.Simulate.Scenarios;

/// <summary>The snake_case names used on the command line and in the labels file.</summary>
public static class ScenarioNames
{
    private static readonly string[] Names =
    [
        "scripted_bulk_lookup", "unknown_source", "account_sharing", "many_accounts_one_source", "weak_credentials",
        "departed_account_use", "brute_force", "outage", "low_and_slow",
    ];

    /// <summary>All scenario names, in the order scenarios are planned.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The name of <paramref name="kind"/>, e.g. <c>scripted_bulk_lookup</c>.</summary>
    public static string Of(ScenarioKind kind) => Names[(int)kind];

    /// <summary>The name of <paramref name="intensity"/>: <c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    public static string Of(ScenarioIntensity intensity) => intensity switch
    {
        ScenarioIntensity.Low => "low",
        ScenarioIntensity.High => "high",
        _ => "medium",
    };

    /// <summary>Parses a scenario name; false when unknown.</summary>
    public static bool TryParse(string name, out ScenarioKind kind)
    {
        var index = Array.IndexOf(Names, name);
        kind = (ScenarioKind)Math.Max(index, 0);
        return index >= 0;
    }
}
