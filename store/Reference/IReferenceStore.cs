namespace LogSentinel.Store.Reference;

/// <summary>
/// Reference data in the store. A load writes a complete new version and then records it in
/// <c>ref_versions</c>; readers see the newest recorded version, so a load switches in atomically and a failed
/// load leaves the previous version in force. Older versions stay as history.
/// </summary>
public interface IReferenceStore
{
    Task<ReferenceVersion> LoadAccountsAsync(IReadOnlyCollection<AccountRecord> accounts, string source, string loadedBy, CancellationToken cancellationToken = default);

    Task<ReferenceVersion> LoadNetworksAsync(IReadOnlyCollection<NetworkRecord> networks, string source, string loadedBy, CancellationToken cancellationToken = default);

    Task<ReferenceVersion> LoadDelegationsAsync(IReadOnlyCollection<DelegationRecord> delegations, string source, string loadedBy, CancellationToken cancellationToken = default);

    /// <summary>The accounts in force (the newest version).</summary>
    Task<IReadOnlyList<AccountRecord>> GetAccountsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<NetworkRecord>> GetNetworksAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DelegationRecord>> GetDelegationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every load of every kind, newest first.</summary>
    Task<IReadOnlyList<ReferenceVersion>> GetVersionsAsync(CancellationToken cancellationToken = default);
}
