namespace LogSentinel.Store.Activity;

/// <summary>One page of raw events and how many the window holds.</summary>
public sealed record RawEventPage(IReadOnlyList<RawEvent> Items, long Total);
