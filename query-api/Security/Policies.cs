using Microsoft.AspNetCore.Authorization;

namespace LogSentinel.QueryApi.Security;

/// <summary>What each role may do; every endpoint names one of these policies (the README's roles table is this table).</summary>
internal static class Policies
{
    public const string AlertsRead = "alerts.read";
    public const string AlertsEvidence = "alerts.evidence";
    public const string AlertsWrite = "alerts.write";
    public const string EntitiesRead = "entities.read";
    public const string RiskRead = "risk.read";
    public const string ReferenceRead = "reference.read";
    public const string ReferenceWrite = "reference.write";
    public const string AuditRead = "audit.read";
    public const string TuningRead = "tuning.read";
    public const string TuningWrite = "tuning.write";
    public const string TuningPreview = "tuning.preview";
    public const string StoreQuery = "store.query";
    public const string ReportsRead = "reports.read";
    public const string ReportsWrite = "reports.write";
    public const string Authenticated = "authenticated";

    public static IReadOnlyDictionary<string, string[]> RolesByPolicy { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [AlertsRead] = [Roles.Analyst, Roles.Operator, Roles.Admin],
        [AlertsEvidence] = [Roles.Analyst, Roles.Admin],
        [AlertsWrite] = [Roles.Analyst, Roles.Admin],
        [EntitiesRead] = [Roles.Analyst, Roles.Operator, Roles.Admin],
        [RiskRead] = [Roles.Analyst, Roles.Operator, Roles.Admin, Roles.Leader],
        [ReferenceRead] = [Roles.Analyst, Roles.Operator, Roles.Admin],
        [ReferenceWrite] = [Roles.Operator, Roles.Admin],
        [AuditRead] = [Roles.Auditor, Roles.Admin],
        [TuningRead] = [Roles.Analyst, Roles.Operator, Roles.Admin],
        [TuningWrite] = [Roles.Operator, Roles.Admin],

        // A preview replays days of stored events: the operators who tune, not every reader of the tuning.
        [TuningPreview] = [Roles.Operator, Roles.Admin],
        [StoreQuery] = [Roles.Admin],

        // Leaders are who reports are for; analysts brief them from the same figures (and already see every alert behind
        // them); operators tune and auditors audit, so neither needs the reports (least privilege).
        [ReportsRead] = [Roles.Leader, Roles.Analyst, Roles.Admin],

        // Generating a report stores it (replacing the day's earlier one): administrators, as logsentinel report beside a running process.
        [ReportsWrite] = [Roles.Admin],
        [Authenticated] = [.. Roles.All],
    };

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (policy, roles) in RolesByPolicy)
        {
            options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        // Anything not named explicitly needs at least a signed-in user with a known role.
        options.FallbackPolicy = options.GetPolicy(Authenticated);
    }
}
