namespace LogSentinel.Simulate.Events;

/// <summary>The <c>result</c> of a citizen lookup in the application log.</summary>
internal enum LookupResult : byte
{
    Found,
    NotFound,
    Denied,
    Error,
}
