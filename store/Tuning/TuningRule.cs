namespace LogSentinel.Store.Tuning;

/// <summary>
/// A suppression or allow-list entry: an alert matches when every criterion given matches it (at least one is
/// required). <see cref="Types"/> empty means every alert type.
/// </summary>
public sealed record TuningRule
{
    /// <summary>Short id (<c>s1</c>, <c>a3</c>) to name the entry when removing it; unique within the document.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Alert types it covers (<c>off_hours</c>, ...); empty for all.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Entity kind of the alert (<c>account</c>, <c>ip</c>, <c>agency</c>, <c>api</c>, <c>gateway</c>), given together with <see cref="Entity"/>.</summary>
    public string? EntityKind { get; init; }

    /// <summary>The alert's entity (an account name, an address), given together with <see cref="EntityKind"/>.</summary>
    public string? Entity { get; init; }

    /// <summary>The alert's agency.</summary>
    public string? Agency { get; init; }

    /// <summary>
    /// An address range (CIDR or one address): an address alert matches when its address is inside; any other alert
    /// when it has source addresses in its evidence and all of them are inside.
    /// </summary>
    public string? Network { get; init; }

    /// <summary>Event time after which the entry no longer applies: a detection whose window ends later is raised again; null for never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Why the entry exists, for the people who read it later.</summary>
    public string Reason { get; init; } = string.Empty;
}
