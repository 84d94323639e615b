using LogSentinel.Detect.Engine;

namespace LogSentinel.Detect.Detectors.UnknownSource;

/// <summary>The detector's state in checkpoints: each account's known addresses, history and pending new addresses, and each agency's addresses.</summary>
internal sealed partial class UnknownSourceAccountDetector
{
    internal override bool CanCheckpoint => true;

    internal override void Save(BinaryWriter writer, DetectionContext context)
    {
        _states.Save(writer, static (w, s) =>
        {
            WriteSet(w, s.Known);
            w.Write(s.LastDay);
            w.Write(s.ActiveDays);
            w.Write(s.Agency);
            w.Write(s.ScheduledWindow);
            w.Write(s.Pending.Count);
            foreach (var p in s.Pending)
            {
                w.Write(p.Ip);
                w.Write(p.SampleKey);
                w.Write(p.FirstMs);
                w.Write(p.Events);
                w.Write(p.Lookups);
            }
        });
        _agencies.Save(writer, static (w, known) => WriteSet(w, known));
    }

    internal override void Load(BinaryReader reader, DetectionContext context)
    {
        _states.Load(reader, static (r, s) =>
        {
            ReadSet(r, s.Known);
            s.LastDay = r.ReadInt64();
            s.ActiveDays = r.ReadInt32();
            s.Agency = r.ReadInt32();
            s.ScheduledWindow = r.ReadInt64();
            var count = r.ReadInt32();
            s.Pending.Clear();
            for (var i = 0; i < count; i++)
            {
                var pending = new NewAddress(r.ReadInt32(), r.ReadUInt64(), r.ReadInt64())
                {
                    Events = r.ReadInt32(),
                    Lookups = r.ReadInt32(),
                };
                s.Pending.Add(pending);
            }
        });
        _agencies.Load(reader, static (r, known) => ReadSet(r, known));
    }

    /// <summary>Sorted, so the same state always writes the same bytes.</summary>
    private static void WriteSet(BinaryWriter writer, HashSet<int> set)
    {
        var items = new int[set.Count];
        set.CopyTo(items);
        Array.Sort(items);
        writer.Write(items.Length);
        foreach (var item in items)
        {
            writer.Write(item);
        }
    }

    private static void ReadSet(BinaryReader reader, HashSet<int> into)
    {
        into.Clear();
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            into.Add(reader.ReadInt32());
        }
    }
}
