namespace LogSentinel.QueryApi.Entities;

/// <summary>An account as registered.</summary>
public sealed record AccountView(string Account, string Agency, string Role, string Status, DateOnly StatusSince);

/// <summary>A registered network range.</summary>
public sealed record NetworkView(string Agency, string Cidr, string Label);

/// <summary>A written delegation of an account.</summary>
public sealed record DelegationView(string Account, string Delegate, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, string Reason);

/// <summary>An entity's page: when it was active, its reference data and its alerts.</summary>
public sealed record EntityView(
    string Kind, string Name, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen, ulong Requests, ulong Lookups, AccountView? Account,
    IReadOnlyList<NetworkView> Networks, IReadOnlyList<DelegationView> Delegations, IReadOnlyList<AccountView> AgencyAccounts, long Alerts, long OpenAlerts);

/// <summary>One bucket of activity and the baseline it is held against (null where there is no history).</summary>
public sealed record TimelinePoint(DateTimeOffset Start, ulong Requests, ulong Lookups, ulong FailedLogins, ulong Errors, double? BaselineRequests, double? BaselineLookups);

/// <summary>An entity's activity over time against its baseline; <c>baseline</c> says how the baseline was drawn.</summary>
public sealed record TimelineView(string Kind, string Name, string Bucket, DateTimeOffset From, DateTimeOffset To, string Baseline, IReadOnlyList<TimelinePoint> Points);

/// <summary>An entity of the risk ranking.</summary>
public sealed record RiskyEntityView(int Rank, string EntityKind, string Entity, string Agency, ulong Alerts, int MaxScore, ulong Risk, IReadOnlyList<string> Types);
