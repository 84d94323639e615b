namespace LogSentinel.Store.Alerts;

/// <summary>
/// One version of an alert as the <c>alerts</c> table keeps it. Explanation and evidence travel as JSON documents
/// so detectors can add features without a schema change.
/// </summary>
/// <param name="Id">Stable id: the same type, entity and first window give the same id on every replay.</param>
/// <param name="Type">Alert type, a stable contract (e.g. <c>brute_force</c>).</param>
/// <param name="EntityKind"><c>account</c>, <c>ip</c>, <c>agency</c>, <c>api</c> or <c>gateway</c>.</param>
/// <param name="Entity">The account name, address, agency code, API name or <c>gateway</c>.</param>
/// <param name="Agency">Agency of the entity when known, else empty.</param>
/// <param name="WindowStart">Start of the first window that decided the alert (UTC).</param>
/// <param name="WindowEnd">End of the last window that decided it (UTC).</param>
/// <param name="Score">0-100.</param>
/// <param name="Severity"><c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c>.</param>
/// <param name="State">Workflow state; detectors raise alerts <c>open</c>.</param>
/// <param name="Disposition">Analyst's verdict; empty until set.</param>
/// <param name="Assignee">Analyst; empty until assigned.</param>
/// <param name="ExplanationJson">The deciding features (observed and expected) and the sentences in English and Vietnamese.</param>
/// <param name="EvidenceJson">Counts, user agents, addresses, pseudonymized ids, sample event keys.</param>
/// <param name="CategoryVi">Incident category of the provincial taxonomy, Vietnamese label.</param>
/// <param name="CategoryEn">The same category in English.</param>
/// <param name="FirstSeen">Event time of the first occurrence (UTC).</param>
/// <param name="LastSeen">Event time of the last occurrence (UTC).</param>
/// <param name="Occurrences">How many detections merged into this alert.</param>
/// <param name="DetectedAt">Event time (the watermark) at which the engine raised it (UTC).</param>
/// <param name="RaisedAt">Wall-clock time at which it was raised (UTC).</param>
/// <param name="UpdatedAt">Wall-clock time of this version (UTC).</param>
/// <param name="Version">Higher versions replace lower ones.</param>
public sealed record AlertRecord(
    Guid Id,
    string Type,
    string EntityKind,
    string Entity,
    string Agency,
    DateTime WindowStart,
    DateTime WindowEnd,
    byte Score,
    string Severity,
    string State,
    string Disposition,
    string Assignee,
    string ExplanationJson,
    string EvidenceJson,
    string CategoryVi,
    string CategoryEn,
    DateTime FirstSeen,
    DateTime LastSeen,
    uint Occurrences,
    DateTime DetectedAt,
    DateTime RaisedAt,
    DateTime UpdatedAt,
    ulong Version);
