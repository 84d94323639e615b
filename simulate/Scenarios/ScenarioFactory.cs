namespace LogSentinel.Simulate.Scenarios;

/// <summary>Creates the scenario implementation for each kind.</summary>
internal static class ScenarioFactory
{
    public static IScenario Create(ScenarioKind kind) => kind switch
    {
        ScenarioKind.ScriptedBulkLookup => new ScriptedBulkLookupScenario(),
        ScenarioKind.UnknownSource => new UnknownSourceScenario(),
        ScenarioKind.AccountSharing => new AccountSharingScenario(),
        ScenarioKind.ManyAccountsOneSource => new ManyAccountsOneSourceScenario(),
        ScenarioKind.WeakCredentials => new WeakCredentialsScenario(),
        ScenarioKind.DepartedAccountUse => new DepartedAccountUseScenario(),
        ScenarioKind.BruteForce => new BruteForceScenario(),
        ScenarioKind.Outage => new OutageScenario(),
        ScenarioKind.LowAndSlow => new LowAndSlowScenario(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown scenario."),
    };
}
