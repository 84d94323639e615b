using System.Text.Json;
using LogSentinel.QueryApi.Hosting;
using LogSentinel.Store.Alerts;

namespace LogSentinel.QueryApi.Alerts;

/// <summary>An incident category of the provincial taxonomy in both languages.</summary>
public sealed record CategoryView(string Vi, string En);

/// <summary>An alert as the queue lists it (no evidence).</summary>
public sealed record AlertSummary(
    Guid Id, string Type, string EntityKind, string Entity, string Agency, int Score, string Severity, string State, string Disposition, string Assignee,
    CategoryView Category, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long Occurrences, string SummaryEn, string SummaryVi)
{
    internal static AlertSummary From(AlertRecord a)
    {
        using var explanation = JsonDocument.Parse(a.ExplanationJson);
        return new AlertSummary(
            a.Id, a.Type, a.EntityKind, a.Entity, a.Agency, a.Score, a.Severity, a.State, a.Disposition, a.Assignee, new CategoryView(a.CategoryVi, a.CategoryEn),
            ApiTime.Local(a.FirstSeen), ApiTime.Local(a.LastSeen), a.Occurrences, Text(explanation.RootElement, "summary_en"), Text(explanation.RootElement, "summary_vi"));
    }

    private static string Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) ? value.GetString() ?? string.Empty : string.Empty;
}

/// <summary>An alert with why it fired (explanation) and what supports it (evidence); reading it is audited.</summary>
public sealed record AlertDetail(
    AlertSummary Alert, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, JsonElement Explanation, JsonElement Evidence,
    DateTimeOffset DetectedAt, DateTimeOffset RaisedAt, DateTimeOffset UpdatedAt)
{
    internal static AlertDetail From(AlertRecord a)
    {
        using var explanation = JsonDocument.Parse(a.ExplanationJson);
        using var evidence = JsonDocument.Parse(a.EvidenceJson);
        return new AlertDetail(
            AlertSummary.From(a), ApiTime.Local(a.WindowStart), ApiTime.Local(a.WindowEnd), explanation.RootElement.Clone(), evidence.RootElement.Clone(),
            ApiTime.Local(a.DetectedAt), ApiTime.Local(a.RaisedAt), ApiTime.Local(a.UpdatedAt));
    }
}

/// <summary>One step of an alert's history.</summary>
public sealed record HistoryItem(DateTimeOffset At, string Actor, string Action, string FromState, string ToState, string Detail)
{
    internal static HistoryItem From(AlertHistoryEntry e) => new(ApiTime.Local(e.At), e.Actor, e.Action, e.FromState, e.ToState, e.Detail);
}

/// <summary>Move an alert: <c>state</c> is <c>investigating</c> or <c>closed</c>; closing needs a <c>disposition</c>.</summary>
public sealed record TransitionRequest(string? State, string? Disposition, string? Note);

/// <summary>Give an alert to an analyst; empty to unassign.</summary>
public sealed record AssignRequest(string? Assignee);

/// <summary>A note on an alert.</summary>
public sealed record NoteRequest(string? Text);

/// <summary>The same change to many alerts: <c>action</c> is <c>transition</c> (with state, disposition) or <c>assign</c> (with assignee).</summary>
public sealed record BulkRequest(IReadOnlyList<Guid>? Ids, string? Action, string? State, string? Disposition, string? Assignee, string? Note);

/// <summary>What a bulk action did: the alerts changed, and why each other one was not.</summary>
public sealed record BulkResult(IReadOnlyList<Guid> Changed, IReadOnlyList<BulkFailure> Failed);

/// <summary>An alert a bulk action left unchanged, and why.</summary>
public sealed record BulkFailure(Guid Id, string Reason);

/// <summary>An event of an alert's window or an entity's, citizen ids only as pseudonyms.</summary>
public sealed record EventView(
    DateTimeOffset At, string Table, string EventKey, string Account, string Agency, string ClientIp, string Action, string Outcome, string UserAgent,
    string CitizenRef, string CitizenProvince);
