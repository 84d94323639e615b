namespace LogSentinel.Store.Reference;

/// <summary>A written authorisation for <paramref name="Delegate"/> to use <paramref name="Account"/> for a bounded time (a line of delegations.csv).</summary>
/// <param name="Account">The account being delegated.</param>
/// <param name="Delegate">Who may use it.</param>
/// <param name="ValidFrom">Start of the delegation.</param>
/// <param name="ValidTo">End of the delegation.</param>
/// <param name="Reason">Why, as written on the authorisation.</param>
public sealed record DelegationRecord(string Account, string Delegate, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, string Reason);
