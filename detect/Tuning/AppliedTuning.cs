using System.Globalization;
using LogSentinel.Detect.Alerts;
using LogSentinel.Store.Tuning;

namespace LogSentinel.Detect.Tuning;

/// <summary>
/// A tuning document made ready for the engine: the configured options with the document's thresholds and calendar
/// bound onto a copy (validated like configuration), per-agency copies for agency-scoped thresholds, and the
/// allow-lists and suppressions. Compiling is also how a proposed document is validated before it is stored.
/// </summary>
public sealed class AppliedTuning
{
    /// <summary>Sections whose detectors judge an entity of one agency, so their thresholds can be scoped to an agency.</summary>
    public static IReadOnlySet<string> AgencyScopedSections { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "BruteForce", "ScriptedBulkLookup", "OffHours", "WeakCredentials", "DepartedAccountUse", "AccountSharing", "ManyAccountsOneSource",
    };

    /// <summary>The working calendar is one for everyone: its settings are not scoped to an agency.</summary>
    private static readonly HashSet<string> CalendarKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "OffHours:WorkStart", "OffHours:WorkEnd", "OffHours:WorkingDays", "OffHours:BuiltInHolidays",
    };

    private static readonly HashSet<string> KnownTypes =
    [
        AlertTypes.ScriptedBulkLookup, AlertTypes.UnknownSource, AlertTypes.AccountSharing, AlertTypes.ManyAccountsOneSource, AlertTypes.WeakCredentials,
        AlertTypes.DepartedAccountUse, AlertTypes.OffHours, AlertTypes.BruteForce, AlertTypes.VolumeSpike, AlertTypes.Outage,
    ];

    private AppliedTuning(DetectionOptions configured, ulong version, DetectionOptions options, Dictionary<string, DetectionOptions> agencyOptions, AlertFilter filter)
    {
        Configured = configured;
        Version = version;
        Options = options;
        AgencyOptions = agencyOptions;
        Filter = filter;
    }

    /// <summary>Whether a threshold key (as <see cref="TunableSettings.List"/> spells it) may be scoped to an agency.</summary>
    public static bool IsAgencyScopable(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return AgencyScopedSections.Contains(key.Split(':')[0]) && !CalendarKeys.Contains(key);
    }

    /// <summary>Every alert type name a rule may list.</summary>
    public static IReadOnlyCollection<string> AlertTypeNames => KnownTypes;

    /// <summary>The configured options the document was bound onto; a newer document is compiled from these again.</summary>
    public DetectionOptions Configured { get; }

    /// <summary>The tuning version this was compiled from (0: nothing tuned).</summary>
    public ulong Version { get; }

    /// <summary>The effective options for entities without an agency-scoped override.</summary>
    public DetectionOptions Options { get; }

    /// <summary>Effective options of agencies with agency-scoped thresholds, by agency.</summary>
    public IReadOnlyDictionary<string, DetectionOptions> AgencyOptions { get; }

    internal AlertFilter Filter { get; }

    /// <summary>The configured options as they are, with nothing tuned.</summary>
    public static AppliedTuning Untuned(DetectionOptions configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        configured.Validate();
        return new AppliedTuning(configured, 0, configured, [], AlertFilter.None);
    }

    /// <summary>
    /// Binds <paramref name="document"/> onto a copy of <paramref name="configured"/>; throws
    /// <see cref="TuningValidationException"/> naming the field of the first problem.
    /// </summary>
    public static AppliedTuning Compile(DetectionOptions configured, TuningDocument document, ulong version)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(document);
        TuningDocumentValidator.Validate(document);
        ValidateTypes(document.Suppressions, "suppressions");
        ValidateTypes(document.AllowLists, "allow_lists");

        var options = TunableSettings.Copy(configured);
        options.OffHours.Holidays.AddRange(document.Calendar.ExtraHolidays);
        options.OffHours.WorkingDates.AddRange(document.Calendar.ExtraWorkingDays);
        var global = new List<(string Key, string Field)>();
        var byAgency = new SortedDictionary<string, List<(ThresholdOverride Override, string Field)>>(StringComparer.Ordinal);
        for (var i = 0; i < document.Thresholds.Count; i++)
        {
            var t = document.Thresholds[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"thresholds[{i}] ({t.Key})");
            if (t.Agency is null)
            {
                global.Add((TunableSettings.Apply(options, t.Key, t.Value, field), field));
                continue;
            }

            var key = TunableSettings.Apply(TunableSettings.Copy(configured), t.Key, t.Value, field);
            var section = key.Split(':')[0];
            if (!AgencyScopedSections.Contains(section))
            {
                throw new TuningValidationException(field, $"{section} thresholds cannot be scoped to an agency (agency scope works for {string.Join(", ", AgencyScopedSections.Order(StringComparer.Ordinal))})");
            }

            if (CalendarKeys.Contains(key))
            {
                throw new TuningValidationException(field, $"{key} is part of the working calendar, which is one for every agency; set it without an agency");
            }

            if (!byAgency.TryGetValue(t.Agency, out var list))
            {
                byAgency[t.Agency] = list = [];
            }

            list.Add((t, field));
        }

        Validate(options, global);
        var agencyOptions = new Dictionary<string, DetectionOptions>(StringComparer.Ordinal);
        foreach (var (agency, overrides) in byAgency)
        {
            var scoped = TunableSettings.Copy(options);
            var applied = new List<(string, string)>();
            foreach (var (o, field) in overrides)
            {
                applied.Add((TunableSettings.Apply(scoped, o.Key, o.Value, field), field));
            }

            Validate(scoped, applied);
            agencyOptions[agency] = scoped;
        }

        return new AppliedTuning(configured, version, options, agencyOptions, AlertFilter.From(document));
    }

    private static void Validate(DetectionOptions options, List<(string Key, string Field)> applied)
    {
        try
        {
            options.Validate();
        }
        catch (InvalidOperationException ex)
        {
            // The message names the setting and its range; the field is the first override it mentions.
            var field = applied.FirstOrDefault(a => ex.Message.Contains(a.Key, StringComparison.OrdinalIgnoreCase)).Field ?? "thresholds";
            throw new TuningValidationException(field, ex.Message.TrimEnd('.'));
        }
    }

    private static void ValidateTypes(IReadOnlyList<TuningRule> rules, string name)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            for (var j = 0; j < rules[i].Types.Count; j++)
            {
                if (!KnownTypes.Contains(rules[i].Types[j]))
                {
                    throw new TuningValidationException(
                        string.Create(CultureInfo.InvariantCulture, $"{name}[{i}].types[{j}]"),
                        $"'{rules[i].Types[j]}' is not an alert type ({string.Join(", ", KnownTypes.Order(StringComparer.Ordinal))})");
                }
            }
        }
    }
}
