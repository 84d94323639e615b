namespace LogSentinel.Simulate.World;

/// <summary>Status of an account in <c>accounts.csv</c>.</summary>
internal enum AccountStatus : byte
{
    Active,
    Transferred,
    Retired,
    Disabled,
}
