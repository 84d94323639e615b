namespace LogSentinel.Store.Audit;

/// <summary>A page of the audit trail, newest first unless <see cref="Descending"/> is false.</summary>
public sealed record AuditSearch
{
    public string? Actor { get; init; }

    /// <summary>Actions starting with this text (e.g. <c>alert.</c>).</summary>
    public string? Action { get; init; }

    public string? Target { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    public bool Descending { get; init; } = true;

    public int Offset { get; init; }

    public int Limit { get; init; } = 50;
}
