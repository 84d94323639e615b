using LogSentinel.Store.Reference;

namespace LogSentinel.Detect.Engine;

/// <summary>
/// Every entity the engine has met, interned to dense ids, with what the reference data says about it looked up
/// once, when the entity first appears.
/// </summary>
internal sealed class EntityTable(ReferenceData reference, TimeSpan localOffset)
{
    private readonly List<AccountInfo> _accountInfo = [];
    private readonly List<string?> _ipAgency = [];
    private readonly List<UserAgentClass> _userAgentClass = [];

    public Utf8Interner Accounts { get; } = new();

    public Utf8Interner Agencies { get; } = new();

    public Utf8Interner Apis { get; } = new();

    public Utf8Interner UserAgents { get; } = new();

    public IpInterner Ips { get; } = new();

    public ReferenceData Reference => reference;

    public int InternAccount(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
        {
            return -1;
        }

        var id = Accounts.Intern(name, out var added);
        if (added)
        {
            var record = reference.FindAccount(Accounts.Name(id));
            _accountInfo.Add(new AccountInfo(record, record is null ? long.MaxValue : LocalMidnightMs(record.StatusSince)));
        }

        return id;
    }

    public int InternAgency(ReadOnlySpan<byte> name) => name.IsEmpty ? -1 : Agencies.Intern(name, out _);

    public int InternApi(ReadOnlySpan<byte> name) => name.IsEmpty ? -1 : Apis.Intern(name, out _);

    public int InternUserAgent(ReadOnlySpan<byte> name)
    {
        var id = UserAgents.Intern(name, out var added);
        if (added)
        {
            _userAgentClass.Add(UserAgentClassifier.Classify(UserAgents.Name(id)));
        }

        return id;
    }

    public int InternIp(UInt128 address)
    {
        if (address == UInt128.Zero)
        {
            return -1;
        }

        var id = Ips.Intern(address, out var added);
        if (added)
        {
            _ipAgency.Add(reference.FindNetworkAgency(address));
        }

        return id;
    }

    public AccountInfo Account(int id) => _accountInfo[id];

    /// <summary>The agency whose registered network holds the address, or null when it is outside all of them.</summary>
    public string? NetworkAgency(int ip) => _ipAgency[ip];

    public UserAgentClass UserAgentClass(int id) => _userAgentClass[id];

    /// <summary>The agency of an account: the reference data's, else the last one its events named.</summary>
    public string AgencyOf(int account, int eventAgency)
    {
        var record = _accountInfo[account].Record;
        if (record is not null)
        {
            return record.Agency;
        }

        return eventAgency >= 0 ? Agencies.Name(eventAgency) : string.Empty;
    }

    private long LocalMidnightMs(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), localOffset).ToUnixTimeMilliseconds();

    /// <summary>What the reference data says about an account.</summary>
    /// <param name="Record">The account's line of accounts.csv, or null when it is not registered.</param>
    /// <param name="StatusSinceMs">Local midnight starting the day its status took effect.</param>
    internal readonly record struct AccountInfo(AccountRecord? Record, long StatusSinceMs);
}
