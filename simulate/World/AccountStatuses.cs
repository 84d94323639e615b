namespace LogSentinel.Simulate.World;

/// <summary>The names of <see cref="AccountStatus"/> values in <c>accounts.csv</c>.</summary>
internal static class AccountStatuses
{
    public static string Name(AccountStatus status) => status switch
    {
        AccountStatus.Transferred => "transferred",
        AccountStatus.Retired => "retired",
        AccountStatus.Disabled => "disabled",
        _ => "active",
    };
}
