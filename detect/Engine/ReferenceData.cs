using LogSentinel.Store.Events;
using LogSentinel.Store.Reference;

namespace LogSentinel.Detect.Engine;

/// <summary>
/// The reference data detection judges against: accounts with their status, the registered networks and the
/// delegations. Read once when the engine starts.
/// </summary>
public sealed class ReferenceData
{
    private readonly Dictionary<string, AccountRecord> _accounts;
    private readonly Dictionary<string, List<DelegationRecord>> _delegations;
    private readonly (UInt128 Start, UInt128 End, string Agency)[] _networks;

    public ReferenceData(IReadOnlyList<AccountRecord> accounts, IReadOnlyList<NetworkRecord> networks, IReadOnlyList<DelegationRecord> delegations)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(delegations);
        _accounts = new Dictionary<string, AccountRecord>(StringComparer.Ordinal);
        foreach (var a in accounts)
        {
            _accounts[a.Account] = a;
        }

        _networks = new (UInt128, UInt128, string)[networks.Count];
        for (var i = 0; i < networks.Count; i++)
        {
            _networks[i] = (IpAddresses.FromIPAddress(networks[i].RangeStart), IpAddresses.FromIPAddress(networks[i].RangeEnd), networks[i].Agency);
        }

        _delegations = new Dictionary<string, List<DelegationRecord>>(StringComparer.Ordinal);
        foreach (var d in delegations)
        {
            if (!_delegations.TryGetValue(d.Account, out var list))
            {
                _delegations[d.Account] = list = [];
            }

            list.Add(d);
        }

        NetworkCount = networks.Count;
    }

    /// <summary>No accounts, networks or delegations.</summary>
    public static ReferenceData Empty { get; } = new([], [], []);

    /// <summary>How many ranges are registered; with none, no address can be judged unknown.</summary>
    public int NetworkCount { get; }

    public AccountRecord? FindAccount(string account) => _accounts.GetValueOrDefault(account);

    /// <summary>The agency whose registered range holds <paramref name="address"/>, or null when none does.</summary>
    public string? FindNetworkAgency(UInt128 address)
    {
        foreach (var (start, end, agency) in _networks)
        {
            if (address >= start && address <= end)
            {
                return agency;
            }
        }

        return null;
    }

    /// <summary>The delegation of <paramref name="account"/> covering any part of [from, to], or null.</summary>
    public DelegationRecord? FindDelegation(string account, long fromMs, long toMs)
    {
        if (!_delegations.TryGetValue(account, out var list))
        {
            return null;
        }

        foreach (var d in list)
        {
            if (d.ValidFrom.ToUnixTimeMilliseconds() <= toMs && d.ValidTo.ToUnixTimeMilliseconds() >= fromMs)
            {
                return d;
            }
        }

        return null;
    }
}
