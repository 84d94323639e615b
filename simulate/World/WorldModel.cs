using LogSentinel.Simulate.Rhythm;

namespace LogSentinel.Simulate.World;

/// <summary>The simulated province(s): agencies, their networks, accounts and delegations.</summary>
internal sealed class WorldModel
{
    private readonly Dictionary<string, Account> _byName = new(StringComparer.Ordinal);

    public WorldModel(ulong seed, SimCalendar calendar)
    {
        Seed = seed;
        Calendar = calendar;
    }

    public ulong Seed { get; }

    public SimCalendar Calendar { get; }

    public List<Province> Provinces { get; } = [];

    public List<Agency> Agencies { get; } = [];

    /// <summary>Staff accounts first, then service accounts, in creation order (the order generators run in).</summary>
    public List<Account> Accounts { get; } = [];

    public List<NetworkRange> Networks { get; } = [];

    public List<Delegation> Delegations { get; } = [];

    public int HumanCount { get; set; }

    public void AddAccount(Account account)
    {
        Accounts.Add(account);
        _byName.Add(account.Name, account);
    }

    public bool HasAccount(string name) => _byName.ContainsKey(name);

    public Account? FindAccount(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Whether any agency is registered to call from <paramref name="ip"/>.</summary>
    public bool IsRegistered(uint ip)
    {
        foreach (var n in Networks)
        {
            if (n.Contains(ip))
            {
                return true;
            }
        }

        return false;
    }
}
