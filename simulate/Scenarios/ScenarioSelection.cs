using System.Globalization;

namespace LogSentinel.Simulate.Scenarios;

/// <summary>
/// Parses the <c>--scenarios</c> value: <c>all</c>, <c>none</c>, or a comma list of
/// <c>name[:low|medium|high][@yyyy-MM-ddTHH:mm][#target]</c>, e.g. <c>scripted_bulk_lookup:high,brute_force:low@2024-01-10T21:00</c>.
/// </summary>
public static class ScenarioSelection
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming the bad part.</summary>
    public static IReadOnlyList<ScenarioRequest> Parse(string? text)
    {
        var value = (text ?? "none").Trim();
        if (value.Length == 0 || value.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var result = new List<ScenarioRequest>();
        if (value.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var kind in Enum.GetValues<ScenarioKind>())
            {
                result.Add(new ScenarioRequest(kind));
            }

            return result;
        }

        foreach (var raw in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var item = ParseOne(raw);
            foreach (var existing in result)
            {
                if (existing.Kind == item.Kind)
                {
                    throw new FormatException($"Scenario '{ScenarioNames.Of(item.Kind)}' is listed twice.");
                }
            }

            result.Add(item);
        }

        return result;
    }

    private static ScenarioRequest ParseOne(string raw)
    {
        var rest = raw;
        string? target = null;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            target = rest[(hash + 1)..];
            rest = rest[..hash];
        }

        DateTimeOffset? start = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            start = ParseStart(rest[(at + 1)..], raw);
            rest = rest[..at];
        }

        var intensity = ScenarioIntensity.Medium;
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            intensity = rest[(colon + 1)..].ToUpperInvariant() switch
            {
                "LOW" => ScenarioIntensity.Low,
                "MEDIUM" => ScenarioIntensity.Medium,
                "HIGH" => ScenarioIntensity.High,
                _ => throw new FormatException($"'{raw}': intensity must be low, medium or high."),
            };
            rest = rest[..colon];
        }

        if (!ScenarioNames.TryParse(rest, out var kind))
        {
            throw new FormatException($"Unknown scenario '{rest}'. Known: all, none, {string.Join(", ", ScenarioNames.All)}.");
        }

        return new ScenarioRequest(kind, intensity, start, string.IsNullOrWhiteSpace(target) ? null : target);
    }

    private static DateTimeOffset ParseStart(string text, string raw)
    {
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, Offset);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            return withOffset.ToOffset(Offset);
        }

        throw new FormatException($"'{raw}': start '{text}' is not a local time like 2024-01-10T21:00.");
    }
}
