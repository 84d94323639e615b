namespace LogSentinel.Store.Alerts;

/// <summary>
/// A page of the alert queue: every filter is optional and combined with AND; <see cref="Text"/> matches the entity,
/// agency, type, assignee and the explanation, case-insensitively.
/// </summary>
public sealed record AlertSearch
{
    public string? Type { get; init; }

    public string? Severity { get; init; }

    /// <summary>The effective workflow state: <c>new</c>, <c>investigating</c> or <c>closed</c>.</summary>
    public string? State { get; init; }

    public string? Agency { get; init; }

    public string? EntityKind { get; init; }

    public string? Entity { get; init; }

    public string? Assignee { get; init; }

    public string? Text { get; init; }

    /// <summary>Only alerts last seen at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only alerts first seen at or before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    public AlertSort Sort { get; init; } = AlertSort.LastSeen;

    public bool Descending { get; init; } = true;

    public int Offset { get; init; }

    public int Limit { get; init; } = 50;
}
