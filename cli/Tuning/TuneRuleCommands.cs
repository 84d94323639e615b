using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Hosting;
using LogSentinel.Store.Tuning;

namespace LogSentinel.Cli.Tuning;

/// <summary>
/// <c>tune suppress|allow [--type T]... [--entity KIND:NAME] [--agency A] [--network CIDR] [--until T]</c> and
/// <c>tune remove ID</c>: suppressions (not raised, counted; may expire) and allow-lists (known good for the types).
/// </summary>
internal static class TuneRuleCommands
{
    public static Command Create(string name)
    {
        var suppress = name == "suppress";
        var types = new Option<string[]>("--type") { Description = "Alert type covered (repeatable; default: every type).", AllowMultipleArgumentsPerToken = false };
        var entity = new Option<string?>("--entity") { Description = "The alert's entity as KIND:NAME, e.g. account:tp.vpdk.nguyenvana or ip:10.52.4.7." };
        var agency = new Option<string?>("--agency") { Description = "The alert's agency." };
        var network = new Option<string?>("--network") { Description = "An address range (CIDR or one address) holding the alert's source addresses." };
        var until = new Option<string?>("--until") { Description = "Event time after which the suppression ends (RFC 3339, or a local date yyyy-MM-dd meaning its midnight)." };
        var command = new Command(name, suppress
            ? "Suppress matching alerts: not raised but counted in the replay summary; optionally until an event time."
            : "Allow-list a known-good entity, agency or network for some alert types: matching alerts are not raised.");
        command.Options.Add(types);
        command.Options.Add(entity);
        command.Options.Add(agency);
        command.Options.Add(network);
        if (suppress)
        {
            command.Options.Add(until);
        }

        TuneChanges.AddTo(command);
        command.SetAction((parse, cancellationToken) => TuneChanges.RunAsync(parse, (document, version) =>
        {
            var (kind, entityName) = SplitEntity(parse.GetValue(entity));
            var rule = new TuningRule
            {
                Id = (suppress ? "s" : "a") + version.ToString(CultureInfo.InvariantCulture),
                Types = parse.GetValue(types) ?? [],
                EntityKind = kind,
                Entity = entityName,
                Agency = parse.GetValue(agency),
                Network = parse.GetValue(network),
                ExpiresAt = suppress ? ParseTime(parse.GetValue(until)) : null,
                Reason = parse.GetRequiredValue(TuneChanges.Reason),
            };
            var changed = suppress
                ? document with { Suppressions = [.. document.Suppressions, rule] }
                : document with { AllowLists = [.. document.AllowLists, rule] };
            return (changed, $"{name} {rule.Id}: {Describe(rule)}");
        }, cancellationToken));
        return command;
    }

    public static Command CreateRemove()
    {
        var ids = new Argument<string[]>("ids") { Description = "Ids of suppressions or allow-list entries (as tune show lists them).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("remove", "Remove suppressions or allow-list entries by id.");
        command.Arguments.Add(ids);
        TuneChanges.AddTo(command);
        command.SetAction((parse, cancellationToken) => TuneChanges.RunAsync(parse, (document, _) =>
        {
            var suppressions = document.Suppressions.ToList();
            var allowLists = document.AllowLists.ToList();
            var names = parse.GetRequiredValue(ids);
            foreach (var id in names)
            {
                var removed = suppressions.RemoveAll(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase))
                    + allowLists.RemoveAll(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
                if (removed == 0)
                {
                    throw new ConfigurationException($"There is no suppression or allow-list entry '{id}' (see tune show).");
                }
            }

            return (document with { Suppressions = suppressions, AllowLists = allowLists }, "remove " + string.Join(' ', names));
        }, cancellationToken));
        return command;
    }

    /// <summary>The rule's criteria in one line.</summary>
    public static string Describe(TuningRule rule)
    {
        var parts = new List<string> { rule.Types.Count == 0 ? "every type" : string.Join(',', rule.Types) };
        if (rule.Entity is not null)
        {
            parts.Add($"{rule.EntityKind} {rule.Entity}");
        }

        if (rule.Agency is not null)
        {
            parts.Add("agency " + rule.Agency);
        }

        if (rule.Network is not null)
        {
            parts.Add("network " + rule.Network);
        }

        if (rule.ExpiresAt is { } expires)
        {
            parts.Add("until " + expires.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture));
        }

        return string.Join("; ", parts);
    }

    private static (string? Kind, string? Name) SplitEntity(string? text)
    {
        if (text is null)
        {
            return (null, null);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw new ConfigurationException($"--entity '{text}' is not KIND:NAME (kinds: account, ip, agency, api, gateway).");
        }

        return (text[..colon], text[(colon + 1)..]);
    }

    private static DateTimeOffset? ParseTime(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && text.Contains('T', StringComparison.Ordinal))
        {
            return time;
        }

        throw new ConfigurationException($"--until '{text}' is not an RFC 3339 time (2026-11-30T18:00:00+07:00) or a local date (2026-11-30).");
    }
}
