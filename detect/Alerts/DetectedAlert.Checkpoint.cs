namespace LogSentinel.Detect.Alerts;

/// <summary>An open alert written to and read from a checkpoint, every field as it stands.</summary>
public sealed partial class DetectedAlert
{
    private DetectedAlert(Guid id, string type, string entityKind, string entity, string agency, long firstSeenMs, long detectedAtMs, DateTimeOffset raisedAt)
    {
        Id = id;
        Type = type;
        EntityKind = entityKind;
        Entity = entity;
        Agency = agency;
        FirstSeenMs = firstSeenMs;
        DetectedAtMs = detectedAtMs;
        RaisedAt = raisedAt;
        Explanation = null!;
        Evidence = null!;
        Category = null!;
    }

    internal void Save(BinaryWriter writer)
    {
        writer.Write(Id.ToByteArray());
        writer.Write(Type);
        writer.Write(EntityKind);
        writer.Write(Entity);
        writer.Write(Agency);
        writer.Write(FirstSeenMs);
        writer.Write(DetectedAtMs);
        writer.Write(RaisedAt.UtcTicks);
        writer.Write(WindowStartMs);
        writer.Write(WindowEndMs);
        writer.Write(Score);
        writer.Write(LastSeenMs);
        writer.Write(Occurrences);
        writer.Write(Category.Vi);
        writer.Write(Category.En);
        writer.Write(Explanation.Features.Count);
        foreach (var f in Explanation.Features)
        {
            writer.Write(f.Name);
            writer.Write(f.Observed);
            writer.Write(f.Expected);
            writer.Write(f.Comparison);
        }

        writer.Write(Explanation.SummaryEn);
        writer.Write(Explanation.SummaryVi);
        writer.Write(Evidence.Counts.Count);
        foreach (var (name, count) in Evidence.Counts)
        {
            writer.Write(name);
            writer.Write(count);
        }

        foreach (var list in EvidenceLists(Evidence))
        {
            writer.Write(list.Count);
            foreach (var item in list)
            {
                writer.Write(item);
            }
        }
    }

    internal static DetectedAlert Load(BinaryReader reader)
    {
        var alert = new DetectedAlert(new Guid(reader.ReadBytes(16)), reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString(),
            reader.ReadInt64(), reader.ReadInt64(), new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero))
        {
            WindowStartMs = reader.ReadInt64(),
            WindowEndMs = reader.ReadInt64(),
            Score = reader.ReadInt32(),
            LastSeenMs = reader.ReadInt64(),
            Occurrences = reader.ReadInt32(),
        };
        alert.Category = Known(new IncidentCategory(reader.ReadString(), reader.ReadString()));
        var features = new AlertFeature[reader.ReadInt32()];
        for (var i = 0; i < features.Length; i++)
        {
            features[i] = new AlertFeature(reader.ReadString(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadString());
        }

        alert.Explanation = new AlertExplanation(features, reader.ReadString(), reader.ReadString());
        var evidence = new AlertEvidence();
        var counts = reader.ReadInt32();
        for (var i = 0; i < counts; i++)
        {
            evidence.Counts[reader.ReadString()] = reader.ReadInt64();
        }

        foreach (var list in EvidenceLists(evidence))
        {
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                list.Add(reader.ReadString());
            }
        }

        alert.Evidence = evidence;
        return alert;
    }

    private static List<string>[] EvidenceLists(AlertEvidence e) => [e.Accounts, e.Addresses, e.UserAgents, e.CitizenRefs, e.SampleEventKeys];

    /// <summary>The shared instance of a category, so restored alerts compare like fresh ones.</summary>
    private static IncidentCategory Known(IncidentCategory c) =>
        c == IncidentCategory.UnauthorizedAccess ? IncidentCategory.UnauthorizedAccess
        : c == IncidentCategory.DataTheft ? IncidentCategory.DataTheft
        : c == IncidentCategory.DenialOfService ? IncidentCategory.DenialOfService
        : c == IncidentCategory.SystemFault ? IncidentCategory.SystemFault
        : c == IncidentCategory.PolicyViolation ? IncidentCategory.PolicyViolation
        : c;
}
