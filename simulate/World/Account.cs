using System.Text;

namespace LogSentinel.Simulate.World;

/// <summary>
/// An account of the gateway and everything the generators need to know about its owner's habits. Built once per
/// run by <see cref="WorldBuilder"/>; scenarios adjust it while they are planned, then it is read-only.
/// </summary>
internal sealed class Account
{
    public Account(int index, string name, Agency agency, string role, WorkPattern pattern, uint homeIp, int userAgent, int days)
    {
        Index = index;
        Name = name;
        NameUtf8 = Encoding.UTF8.GetBytes(name);
        Agency = agency;
        Role = role;
        Pattern = pattern;
        HomeIp = homeIp;
        UserAgent = userAgent;
        Leave = new bool[days];
        Works = new bool[days];
        PasswordChanges = new bool[days];
    }

    public int Index { get; }

    public string Name { get; }

    public byte[] NameUtf8 { get; }

    public Agency Agency { get; }

    public string Role { get; }

    public WorkPattern Pattern { get; }

    /// <summary>The workstation the owner normally uses.</summary>
    public uint HomeIp { get; }

    /// <summary>Index into <see cref="UserAgents.All"/> of the owner's browser (or client library).</summary>
    public int UserAgent { get; }

    /// <summary>Median lookups on a full working day: log-normal across accounts, so a few accounts do most lookups.</summary>
    public double DailyMean { get; set; }

    /// <summary>Share of logins that follow a mistyped password.</summary>
    public double TypoRate { get; set; }

    /// <summary>Whether the owner keeps one session through lunch instead of logging out.</summary>
    public bool SessionOverLunch { get; set; }

    /// <summary>Police night-shift rotation phase (works the night starting on days where day % 3 == phase).</summary>
    public int Rotation { get; set; }

    public AccountStatus Status { get; set; }

    /// <summary>Date the status took effect; for active accounts, the date the account was opened.</summary>
    public DateOnly StatusSince { get; set; }

    /// <summary>Last day (index) the owner works; staff who leave stop the day before their status changes.</summary>
    public int LastWorkDay { get; set; } = int.MaxValue;

    /// <summary>Leave, sick and business-trip days (index by simulated day).</summary>
    public bool[] Leave { get; }

    /// <summary>Days the owner works (computed after planning).</summary>
    public bool[] Works { get; }

    /// <summary>Days the owner changes the password at the first login (computed after planning).</summary>
    public bool[] PasswordChanges { get; }

    /// <summary>Day index of the last password change before the simulated period (zero or negative).</summary>
    public int PasswordChangedOn { get; set; }

    /// <summary>Days of age allowed before the owner changes the password again.</summary>
    public int PasswordPeriod { get; set; }

    /// <summary>Delegations in which this account is the one being used by someone else.</summary>
    public List<Delegation> DelegatedTo { get; } = [];

    /// <summary>Set when a scenario has taken the account, so two scenarios never share a target.</summary>
    public bool Claimed { get; set; }

    /// <summary>Weak-credential scenario: logins in [WeakFromDay, WeakToDay] report these values.</summary>
    public int WeakFromDay { get; set; } = int.MaxValue;

    public int WeakToDay { get; set; } = int.MinValue;

    public bool WeakDefaultPassword { get; set; }

    /// <summary>Password age on day 0 for a weak-credential account.</summary>
    public int WeakAgeAtStart { get; set; }

    /// <summary>Low-and-slow scenario: daily volume multiplied by <see cref="BoostFactor"/> in [BoostFromDay, BoostToDay].</summary>
    public int BoostFromDay { get; set; } = int.MaxValue;

    public int BoostToDay { get; set; } = int.MinValue;

    public double BoostFactor { get; set; } = 1.0;

    public bool IsService => Pattern == WorkPattern.Service;

    public bool IsWeakOn(int day) => day >= WeakFromDay && day <= WeakToDay;

    public Delegation? DelegationOn(int day)
    {
        foreach (var d in DelegatedTo)
        {
            if (d.Covers(day))
            {
                return d;
            }
        }

        return null;
    }
}
