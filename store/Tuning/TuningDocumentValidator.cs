using System.Globalization;
using LogSentinel.Store.Events;

namespace LogSentinel.Store.Tuning;

/// <summary>
/// The structural checks every stored document passes: keys well formed, entries identified and matching something,
/// networks parseable, no date both a holiday and a working day. What a key means and which values it takes is
/// detection's business (it validates the effective settings before a change is stored).
/// </summary>
public static class TuningDocumentValidator
{
    private static readonly string[] EntityKinds = ["account", "ip", "agency", "api", "gateway"];

    /// <summary>Throws <see cref="TuningValidationException"/> naming the first invalid field.</summary>
    public static void Validate(TuningDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var seen = new HashSet<(string, string?)>();
        for (var i = 0; i < document.Thresholds.Count; i++)
        {
            var t = document.Thresholds[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"thresholds[{i}]");
            if (string.IsNullOrWhiteSpace(t.Key) || !t.Key.Split(':').All(IsName))
            {
                throw new TuningValidationException(field + ".key", $"'{t.Key}' is not a setting path like BruteForce:IpFailures");
            }

            if (string.IsNullOrWhiteSpace(t.Value))
            {
                throw new TuningValidationException(field + ".value", $"{t.Key} needs a value");
            }

            if (t.Agency is not null && string.IsNullOrWhiteSpace(t.Agency))
            {
                throw new TuningValidationException(field + ".agency", "an agency scope must name the agency");
            }

            if (!seen.Add((t.Key.ToUpperInvariant(), t.Agency)))
            {
                throw new TuningValidationException(field + ".key", $"{t.Key} is set twice{(t.Agency is null ? string.Empty : " for agency " + t.Agency)}");
            }
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        ValidateRules(document.Suppressions, "suppressions", ids, allowExpiry: true);
        ValidateRules(document.AllowLists, "allow_lists", ids, allowExpiry: false);

        var holidays = document.Calendar.ExtraHolidays.ToHashSet();
        foreach (var day in document.Calendar.ExtraWorkingDays)
        {
            if (holidays.Contains(day))
            {
                throw new TuningValidationException("calendar.extra_working_days", $"{day:yyyy-MM-dd} is also an extra holiday");
            }
        }
    }

    private static void ValidateRules(IReadOnlyList<TuningRule> rules, string name, HashSet<string> ids, bool allowExpiry)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]");
            if (string.IsNullOrWhiteSpace(r.Id) || !ids.Add(r.Id))
            {
                throw new TuningValidationException(field + ".id", string.IsNullOrWhiteSpace(r.Id) ? "every entry needs an id" : $"id '{r.Id}' is used twice");
            }

            if (r.Types.Count == 0 && r.Entity is null && r.Agency is null && r.Network is null)
            {
                throw new TuningValidationException(field, "an entry must name at least one of type, entity, agency or network (it would match every alert)");
            }

            for (var j = 0; j < r.Types.Count; j++)
            {
                if (string.IsNullOrWhiteSpace(r.Types[j]))
                {
                    throw new TuningValidationException(string.Create(CultureInfo.InvariantCulture, $"{field}.types[{j}]"), "empty alert type");
                }
            }

            if ((r.EntityKind is null) != (r.Entity is null))
            {
                throw new TuningValidationException(field + ".entity", "entity_kind and entity go together");
            }

            if (r.EntityKind is not null && !EntityKinds.Contains(r.EntityKind, StringComparer.Ordinal))
            {
                throw new TuningValidationException(field + ".entity_kind", $"'{r.EntityKind}' is not one of {string.Join(", ", EntityKinds)}");
            }

            if (r.Entity is not null && string.IsNullOrWhiteSpace(r.Entity))
            {
                throw new TuningValidationException(field + ".entity", "empty entity");
            }

            if (r.Agency is not null && string.IsNullOrWhiteSpace(r.Agency))
            {
                throw new TuningValidationException(field + ".agency", "empty agency");
            }

            if (r.Network is not null && !IpRange.TryParse(r.Network, out _, out var problem))
            {
                throw new TuningValidationException(field + ".network", problem);
            }

            if (!allowExpiry && r.ExpiresAt is not null)
            {
                throw new TuningValidationException(field + ".expires_at", "allow-list entries do not expire; use a suppression for a temporary exception");
            }

            if (string.IsNullOrWhiteSpace(r.Reason))
            {
                throw new TuningValidationException(field + ".reason", "every entry needs a reason");
            }
        }
    }

    private static bool IsName(string part) =>
        part.Length > 0 && char.IsAsciiLetter(part[0]) && part.All(char.IsAsciiLetterOrDigit);
}
