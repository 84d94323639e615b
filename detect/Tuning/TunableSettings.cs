using System.Globalization;
using System.Reflection;
using System.Text.Json;
using LogSentinel.Store.Tuning;

namespace LogSentinel.Detect.Tuning;

/// <summary>
/// Which <c>Detection</c> settings the tuning document may override, and how an override is bound onto a copy of
/// the configured options. Settings that shape detector state (window sizes, the baseline ring, the watermark's
/// lateness, the local offset, the merge gap) are refused: a running engine and its checkpoints keep state sized
/// by them, so they change only in configuration with a fresh database. Calendar dates go through the document's
/// calendar, not here.
/// </summary>
public static class TunableSettings
{
    private static readonly HashSet<string> Structural = new(StringComparer.OrdinalIgnoreCase)
    {
        "AllowedLateness", "MergeGap", "LocalOffset", "VolumeSpike:BaselineWindows", "OffHours:Holidays", "OffHours:WorkingDates",
    };

    /// <summary>Every tunable key (<c>Section:Name</c>) with its value in <paramref name="options"/>, in a fixed order.</summary>
    public static IReadOnlyList<(string Key, string Value)> List(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keys = new List<(string, string)>();
        foreach (var section in Sections())
        {
            var target = section.GetValue(options)!;
            foreach (var setting in Settings(section.PropertyType))
            {
                var key = section.Name + ":" + setting.Name;
                if (!IsStructural(key))
                {
                    keys.Add((key, Format(setting.GetValue(target))));
                }
            }
        }

        return keys;
    }

    /// <summary>A deep copy, so overrides never touch the configured options.</summary>
    public static DetectionOptions Copy(DetectionOptions options) =>
        JsonSerializer.Deserialize<DetectionOptions>(JsonSerializer.Serialize(options))!;

    /// <summary>
    /// Sets <paramref name="key"/> to <paramref name="value"/> on <paramref name="options"/>; throws
    /// <see cref="TuningValidationException"/> (field <paramref name="field"/>) for an unknown or structural key or a
    /// value of the wrong kind. Ranges are checked afterwards by <see cref="DetectionOptions.Validate"/>.
    /// </summary>
    public static string Apply(DetectionOptions options, string key, string value, string field)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var parts = key.Split(':');
        if (IsStructural(key) || (parts.Length == 2 && parts[1].Equals("WindowMinutes", StringComparison.OrdinalIgnoreCase)))
        {
            throw new TuningValidationException(field, $"{key} shapes the detectors' state and checkpoints; change it in configuration (Detection:{key}) with a fresh database");
        }

        var section = parts.Length == 2 ? Sections().FirstOrDefault(p => p.Name.Equals(parts[0], StringComparison.OrdinalIgnoreCase)) : null;
        if (section is null)
        {
            throw new TuningValidationException(field, $"unknown setting '{key}'; settings are Section:Name with a section among {string.Join(", ", Sections().Select(p => p.Name))}");
        }

        var setting = Settings(section.PropertyType).FirstOrDefault(p => p.Name.Equals(parts[1], StringComparison.OrdinalIgnoreCase));
        if (setting is null)
        {
            var names = Settings(section.PropertyType).Select(p => p.Name).Where(n => !IsStructural(section.Name + ":" + n) && n != "WindowMinutes");
            throw new TuningValidationException(field, $"{section.Name} has no tunable setting '{parts[1]}' (it has {string.Join(", ", names)})");
        }

        setting.SetValue(section.GetValue(options), Parse(setting.PropertyType, value, section.Name + ":" + setting.Name, field));
        return section.Name + ":" + setting.Name;
    }

    private static bool IsStructural(string key) => Structural.Contains(key) || key.EndsWith(":WindowMinutes", StringComparison.OrdinalIgnoreCase);

    private static object Parse(Type type, string value, string key, string field)
    {
        var text = value.Trim();
        var ok = true;
        object? parsed = null;
        if (type == typeof(int))
        {
            ok = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i);
            parsed = i;
        }
        else if (type == typeof(long))
        {
            ok = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l);
            parsed = l;
        }
        else if (type == typeof(double))
        {
            ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d);
            parsed = d;
        }
        else if (type == typeof(bool))
        {
            ok = bool.TryParse(text, out var b);
            parsed = b;
        }
        else if (type == typeof(TimeSpan))
        {
            ok = TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var t);
            parsed = t;
        }
        else if (type == typeof(string))
        {
            parsed = text;
        }

        if (!ok || parsed is null)
        {
            var kind = type == typeof(int) || type == typeof(long) ? "a whole number"
                : type == typeof(double) ? "a number" : type == typeof(bool) ? "true or false" : type == typeof(TimeSpan) ? "a time such as 07:30" : type.Name;
            throw new TuningValidationException(field, $"{key} must be {kind}, not '{value}'");
        }

        return parsed;
    }

    private static string Format(object? value) => value switch
    {
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => value?.ToString() ?? string.Empty,
    };

    private static IEnumerable<PropertyInfo> Sections() =>
        typeof(DetectionOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType.IsClass && p.PropertyType != typeof(string));

    private static IEnumerable<PropertyInfo> Settings(Type section) =>
        section.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.CanRead);
}
