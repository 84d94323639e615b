namespace LogSentinel.Store.Reference;

/// <summary>An account as registered (a line of accounts.csv).</summary>
/// <param name="Account">The account name the gateway and applications log.</param>
/// <param name="Agency">Code of the agency the account belongs to.</param>
/// <param name="Role">The holder's role, e.g. officer, leader, service.</param>
/// <param name="Status">Whether the account may still be used.</param>
/// <param name="StatusSince">The date the status took effect (a transfer, a retirement).</param>
public sealed record AccountRecord(string Account, string Agency, string Role, AccountStatus Status, DateOnly StatusSince);

/// <summary>The status of an account; anything but <see cref="Active"/> means it should no longer be used after its grace period.</summary>
public enum AccountStatus
{
    Active,
    Transferred,
    Retired,
    Disabled,
}
