using System.Net;
using LogSentinel.Detect.Alerts;
using LogSentinel.Store.Events;
using LogSentinel.Store.Tuning;

namespace LogSentinel.Detect.Tuning;

/// <summary>
/// The document's allow-lists and suppressions, ready to match alert candidates where they are raised. Allow-lists
/// are checked first: a known-good source is not an accepted issue.
/// </summary>
internal sealed class AlertFilter
{
    private readonly Rule[] _allow;
    private readonly Rule[] _suppress;

    private AlertFilter(Rule[] allow, Rule[] suppress)
    {
        _allow = allow;
        _suppress = suppress;
    }

    public static AlertFilter None { get; } = new([], []);

    public bool IsEmpty => _allow.Length == 0 && _suppress.Length == 0;

    public static AlertFilter From(TuningDocument document) =>
        new([.. document.AllowLists.Select(Rule.From)], [.. document.Suppressions.Select(Rule.From)]);

    public AlertOutcome Judge(AlertCandidate candidate)
    {
        foreach (var rule in _allow)
        {
            if (rule.Matches(candidate))
            {
                return AlertOutcome.AllowListed;
            }
        }

        foreach (var rule in _suppress)
        {
            if (rule.Matches(candidate))
            {
                return AlertOutcome.Suppressed;
            }
        }

        return AlertOutcome.Raise;
    }

    private sealed record Rule(HashSet<string> Types, string? EntityKind, string? Entity, string? Agency, IpRange? Network, long ExpiresMs)
    {
        public static Rule From(TuningRule r)
        {
            IpRange? network = null;
            if (r.Network is not null && IpRange.TryParse(r.Network, out var range, out _))
            {
                network = range;
            }

            return new Rule(new HashSet<string>(r.Types, StringComparer.Ordinal), r.EntityKind, r.Entity, r.Agency, network,
                r.ExpiresAt?.ToUnixTimeMilliseconds() ?? long.MaxValue);
        }

        public bool Matches(AlertCandidate c) =>
            c.WindowEndMs <= ExpiresMs
            && (Types.Count == 0 || Types.Contains(c.Type))
            && (Entity is null || (string.Equals(EntityKind, c.EntityKind, StringComparison.Ordinal) && string.Equals(Entity, c.Entity, StringComparison.Ordinal)))
            && (Agency is null || string.Equals(Agency, c.Agency, StringComparison.Ordinal))
            && (Network is not { } range || InNetwork(c, range));

        private static bool InNetwork(AlertCandidate c, IpRange range)
        {
            if (c.EntityKind == EntityKinds.Ip)
            {
                return Inside(c.Entity, range);
            }

            // Any other alert is about a network only when every source address it names is inside it.
            var addresses = c.Evidence.Addresses;
            if (addresses.Count == 0)
            {
                return false;
            }

            foreach (var a in addresses)
            {
                if (!Inside(a, range))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Inside(string address, IpRange range) =>
            IPAddress.TryParse(address, out var parsed) && range.Contains(IpAddresses.FromIPAddress(parsed));
    }
}
