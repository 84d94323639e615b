namespace LogSentinel.Store.Activity;

/// <summary>The raw events of an entity in a window, oldest first unless <see cref="Descending"/>.</summary>
/// <param name="EntityKind"><c>account</c>, <c>ip</c>, <c>agency</c>, <c>api</c> or <c>gateway</c> (everything).</param>
/// <param name="Entity">The entity's name (ignored for <c>gateway</c>).</param>
/// <param name="From">Window start (inclusive).</param>
/// <param name="To">Window end (inclusive).</param>
public sealed record RawEventQuery(string EntityKind, string Entity, DateTimeOffset From, DateTimeOffset To)
{
    public bool Descending { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; } = 100;
}
