namespace LogSentinel.Simulate.World;

/// <summary>A written authorisation for <see cref="Delegate"/> to use <see cref="Account"/> over whole days.</summary>
internal sealed record Delegation(Account Account, Account Delegate, int FromDay, int ToDay, string Reason)
{
    public bool Covers(int day) => day >= FromDay && day <= ToDay;
}
