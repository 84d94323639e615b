using System.Globalization;
using System.Text.Json;

namespace LogSentinel.Detect.Evaluation;

/// <summary>Reads a labels file: JSON lines with <c>scenario</c>, <c>entity_kind</c>, <c>entity</c>, <c>start</c>, <c>end</c> and optionally <c>intensity</c>.</summary>
public static class LabelFile
{
    /// <summary>Every label of <paramref name="path"/>; throws <see cref="InvalidDataException"/> naming the file, line and field of the first problem.</summary>
    public static IReadOnlyList<EvaluationLabel> Read(string path)
    {
        var labels = new List<EvaluationLabel>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                labels.Add(new EvaluationLabel(
                    Text(root, "scenario"), Text(root, "entity_kind"), Text(root, "entity"), Time(root, "start"), Time(root, "end"),
                    root.TryGetProperty("intensity", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString()! : string.Empty));
            }
            catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException)
            {
                throw new InvalidDataException($"{path}, line {number}: {ex.Message}", ex);
            }
        }

        return labels;
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s
            : throw new KeyNotFoundException($"field '{name}' is missing or not a non-empty string");

    private static DateTimeOffset Time(JsonElement root, string name) =>
        DateTimeOffset.TryParse(Text(root, name), CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t
            : throw new FormatException($"field '{name}' is not an RFC 3339 time");
}
