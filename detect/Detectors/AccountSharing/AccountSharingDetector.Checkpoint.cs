using LogSentinel.Detect.Engine;

namespace LogSentinel.Detect.Detectors.AccountSharing;

/// <summary>The detector's state in checkpoints: each account's recent events and how far it was reported.</summary>
internal sealed partial class AccountSharingDetector
{
    internal override bool CanCheckpoint => true;

    internal override void Save(BinaryWriter writer, DetectionContext context)
    {
        _closer.Save(writer);
        _states.Save(writer, static (w, s) =>
        {
            w.Write(s.ReportedUntilMs);
            w.Write(s.Count);
            for (var i = 0; i < s.Count; i++)
            {
                w.Write(s.Times[i]);
                w.Write(s.Ips[i]);
                w.Write(s.Keys[i]);
            }
        });
    }

    internal override void Load(BinaryReader reader, DetectionContext context)
    {
        _closer.Load(reader);
        _states.Load(reader, static (r, s) =>
        {
            s.ReportedUntilMs = r.ReadInt64();
            var count = r.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                s.Add(r.ReadInt64(), r.ReadInt32(), r.ReadUInt64());
            }
        });
    }
}
