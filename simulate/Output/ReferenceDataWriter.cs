using System.Globalization;
using System.Text;
using System.Text.Json;
using LogSentinel.Simulate.Scenarios;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate.Output;

/// <summary>Writes <c>accounts.csv</c>, <c>networks.csv</c>, <c>delegations.csv</c> and <c>labels.jsonl</c>.</summary>
internal static class ReferenceDataWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string directory, WorldModel world, IReadOnlyList<GroundTruthLabel> labels)
    {
        Directory.CreateDirectory(directory);
        WriteAccounts(Path.Combine(directory, "accounts.csv"), world);
        WriteNetworks(Path.Combine(directory, "networks.csv"), world);
        WriteDelegations(Path.Combine(directory, "delegations.csv"), world);
        WriteLabels(Path.Combine(directory, "labels.jsonl"), labels);
    }

    private static void WriteAccounts(string path, WorldModel world)
    {
        using var w = Open(path);
        w.Write("account,agency,role,status,status_since\n");
        foreach (var a in world.Accounts)
        {
            w.Write(string.Join(',', a.Name, a.Agency.Code, a.Role, AccountStatuses.Name(a.Status), Date(a.StatusSince)));
            w.Write('\n');
        }
    }

    private static void WriteNetworks(string path, WorldModel world)
    {
        using var w = Open(path);
        w.Write("agency,cidr,label\n");
        foreach (var n in world.Networks)
        {
            w.Write(string.Join(',', world.Agencies[n.AgencyIndex].Code, n.Cidr, Csv(n.Label)));
            w.Write('\n');
        }
    }

    private static void WriteDelegations(string path, WorldModel world)
    {
        using var w = Open(path);
        w.Write("account,delegate,valid_from,valid_to,reason\n");
        foreach (var d in world.Delegations)
        {
            w.Write(string.Join(',', d.Account.Name, d.Delegate.Name, Date(world.Calendar.Date(d.FromDay)),
                Date(world.Calendar.Date(d.ToDay)), Csv(d.Reason)));
            w.Write('\n');
        }
    }

    private static void WriteLabels(string path, IReadOnlyList<GroundTruthLabel> labels)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        foreach (var label in labels)
        {
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteString("scenario", label.Scenario);
                json.WriteString("entity_kind", label.EntityKind);
                json.WriteString("entity", label.Entity);
                json.WriteString("start", Timestamp(label.Start));
                json.WriteString("end", Timestamp(label.End));
                json.WriteString("intensity", label.Intensity);
                json.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
        }
    }

    /// <summary>RFC 3339 with milliseconds and the +07:00 offset, like the logs.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.ToOffset(Rhythm.SimCalendar.Offset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static StreamWriter Open(string path) => new(path, append: false, Utf8NoBom);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n") >= 0 ? string.Concat("\"", value.Replace("\"", "\"\"", StringComparison.Ordinal), "\"") : value;
}
