namespace LogSentinel.Detect.Alerts;

/// <summary>
/// What an analyst needs to follow an alert up: counts, the clients and addresses involved, the pseudonymized
/// citizen ids in the order they were looked up (never the ids themselves) and keys of sample events to fetch.
/// </summary>
public sealed class AlertEvidence
{
    /// <summary>Named counts, e.g. <c>failed_logins</c>.</summary>
    public SortedDictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);

    public List<string> Accounts { get; } = [];

    public List<string> Addresses { get; } = [];

    public List<string> UserAgents { get; } = [];

    /// <summary>Pseudonymized citizen ids (first 16 hex digits of the keyed pseudonym), in lookup order.</summary>
    public List<string> CitizenRefs { get; } = [];

    /// <summary>Event keys (hex) of sample events, to find them in the event tables.</summary>
    public List<string> SampleEventKeys { get; } = [];
}
