using System.Text.Json;

namespace LogSentinel.Tests.Simulate;

/// <summary>A parsed line of labels.jsonl.</summary>
internal sealed record LabelRecord(string Scenario, string EntityKind, string Entity, DateTimeOffset Start, DateTimeOffset End, string Intensity)
{
    public bool Covers(DateTimeOffset t) => t >= Start && t <= End;

    public static List<LabelRecord> ParseAll(IEnumerable<string> lines)
    {
        var result = new List<LabelRecord>();
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            Assert.Equal(6, r.EnumerateObject().Count());
            result.Add(new LabelRecord(
                r.GetProperty("scenario").GetString()!,
                r.GetProperty("entity_kind").GetString()!,
                r.GetProperty("entity").GetString()!,
                SpecChecker.Rfc3339(r.GetProperty("start").GetString()!),
                SpecChecker.Rfc3339(r.GetProperty("end").GetString()!),
                r.GetProperty("intensity").GetString()!));
        }

        return result;
    }
}
