using Microsoft.AspNetCore.Mvc;

namespace LogSentinel.QueryApi.Alerts;

/// <summary>Filters of the alert queue; all optional, combined with AND.</summary>
public sealed class AlertListQuery
{
    /// <summary>Alert type, e.g. <c>brute_force</c>.</summary>
    [FromQuery(Name = "type")]
    public string? Type { get; set; }

    /// <summary><c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c>.</summary>
    [FromQuery(Name = "severity")]
    public string? Severity { get; set; }

    /// <summary><c>new</c>, <c>investigating</c> or <c>closed</c>.</summary>
    [FromQuery(Name = "state")]
    public string? State { get; set; }

    [FromQuery(Name = "agency")]
    public string? Agency { get; set; }

    /// <summary><c>account</c>, <c>ip</c>, <c>agency</c>, <c>api</c> or <c>gateway</c>.</summary>
    [FromQuery(Name = "entity_kind")]
    public string? EntityKind { get; set; }

    [FromQuery(Name = "entity")]
    public string? Entity { get; set; }

    [FromQuery(Name = "assignee")]
    public string? Assignee { get; set; }

    /// <summary>Free text over entity, agency, type and explanation.</summary>
    [FromQuery(Name = "q")]
    public string? Text { get; set; }

    /// <summary>Alerts last seen at or after this time (RFC 3339).</summary>
    [FromQuery(Name = "since")]
    public DateTimeOffset? Since { get; set; }

    /// <summary>Alerts first seen at or before this time (RFC 3339).</summary>
    [FromQuery(Name = "until")]
    public DateTimeOffset? Until { get; set; }

    [FromQuery(Name = "page")]
    public int? Page { get; set; }

    [FromQuery(Name = "page_size")]
    public int? PageSize { get; set; }

    /// <summary><c>last_seen</c> (default), <c>first_seen</c>, <c>score</c>, <c>type</c>, <c>entity</c>, <c>state</c>, <c>occurrences</c>.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    /// <summary><c>asc</c> or <c>desc</c> (default).</summary>
    [FromQuery(Name = "order")]
    public string? Order { get; set; }
}
