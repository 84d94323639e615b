namespace LogSentinel.Report.Incidents;

/// <summary>
/// An incident report in the structure of Vietnam's network-security incident reporting: reporting unit, system
/// affected, time detected, category from the national taxonomy, description, evidence summary and actions taken.
/// Text is Vietnamese; keys are snake_case English so tools can read it. Citizen ids appear only as pseudonyms.
/// </summary>
/// <param name="Title">The report's title.</param>
/// <param name="CreatedAt">When the export was made, local time.</param>
/// <param name="ReportingUnit">Who reports.</param>
/// <param name="System">What was affected.</param>
/// <param name="Timing">When it happened and was detected.</param>
/// <param name="Classification">Cause and kind in the national taxonomy.</param>
/// <param name="Description">What happened, in plain Vietnamese sentences.</param>
/// <param name="Alerts">Each alert's evidence.</param>
/// <param name="ActionsTaken">What was done so far, from the alerts' history.</param>
/// <param name="Recommendations">What should be done next.</param>
public sealed record IncidentReport(
    string Title,
    DateTimeOffset CreatedAt,
    ReportingUnitInfo ReportingUnit,
    AffectedSystem System,
    IncidentTiming Timing,
    IncidentClassification Classification,
    IReadOnlyList<string> Description,
    IReadOnlyList<AlertEvidenceSummary> Alerts,
    IReadOnlyList<string> ActionsTaken,
    IReadOnlyList<string> Recommendations);

/// <summary>Đơn vị báo cáo sự cố.</summary>
public sealed record ReportingUnitInfo(string Name, string Address, string ContactName, string ContactPhone, string ContactEmail);

/// <summary>Hệ thống bị sự cố, and the agencies, accounts and addresses involved.</summary>
public sealed record AffectedSystem(string Name, string Owner, IReadOnlyList<string> Agencies, IReadOnlyList<string> Accounts, IReadOnlyList<string> Addresses);

/// <summary>When: first and last occurrence (event time) and detection (event time and wall clock), all local.</summary>
public sealed record IncidentTiming(DateTimeOffset FirstSeen, DateTimeOffset LastSeen, DateTimeOffset DetectedAt, DateTimeOffset RaisedAt);

/// <summary>The national taxonomy: the cause group (1-4, or policy violation) and the kinds named by the alerts.</summary>
/// <param name="Cause">Nguyên nhân: the cause group's label.</param>
/// <param name="CauseCode">1 network attack, 2 system fault, 3 operator error, 4 natural disaster, 0 policy violation without an attack.</param>
/// <param name="Category">The incident category; <c>tấn công tổng hợp</c> when the alerts show several attack kinds.</param>
/// <param name="CategoriesOfAlerts">Each distinct category the alerts carry.</param>
public sealed record IncidentClassification(string Cause, int CauseCode, string Category, IReadOnlyList<string> CategoriesOfAlerts);

/// <summary>One alert's evidence, pseudonymized.</summary>
public sealed record AlertEvidenceSummary(
    Guid Id,
    string Type,
    string TypeLabel,
    string Entity,
    string Agency,
    int Score,
    string Severity,
    string State,
    string Category,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    int Occurrences,
    string Summary,
    IReadOnlyDictionary<string, long> Counts,
    IReadOnlyList<string> Accounts,
    IReadOnlyList<string> Addresses,
    IReadOnlyList<string> UserAgents,
    IReadOnlyList<string> CitizenPseudonyms,
    int CitizenPseudonymsTotal,
    IReadOnlyList<string> SampleEventKeys);
