using LogSentinel.Ingest.Privacy;
using LogSentinel.Ingest.Reference;

namespace LogSentinel.QueryApi.Reference;

/// <summary>
/// Replaces accounts and delegates that are citizen ids with their pseudonyms before an upload is stored, as
/// <c>ref load</c> and the log parsers do. Without the key (a server started without one) such files are refused.
/// </summary>
public sealed class ReferencePseudonyms(CitizenIdPseudonymizer? pseudonymizer)
{
    private readonly Lock _lock = new();

    /// <summary>The data ready to store, or null when it names citizen ids and there is no key to hide them.</summary>
    public ParsedReferenceData? Apply(ParsedReferenceData parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (!parsed.NamesCitizenIds)
        {
            return parsed;
        }

        if (pseudonymizer is null)
        {
            return null;
        }

        // The pseudonymizer keeps hashing state between calls; uploads are rare, so one at a time.
        lock (_lock)
        {
            return parsed.WithAccountPseudonyms(pseudonymizer);
        }
    }
}
