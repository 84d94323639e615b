namespace LogSentinel.QueryApi.Security;

/// <summary>The roles of LogSentinel's users; each user has exactly one.</summary>
public static class Roles
{
    /// <summary>PC06/PA05 analysts: triage alerts, read evidence and raw events.</summary>
    public const string Analyst = "analyst";

    /// <summary>Operators: tune detection, load reference data; see alerts but not their evidence.</summary>
    public const string Operator = "operator";

    /// <summary>Administrators: everything, including the audit trail and operator queries.</summary>
    public const string Admin = "admin";

    /// <summary>Leaders: the risk reports only.</summary>
    public const string Leader = "leader";

    /// <summary>Auditors: the audit trail only.</summary>
    public const string Auditor = "auditor";

    public static IReadOnlyList<string> All { get; } = [Analyst, Operator, Admin, Leader, Auditor];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
