using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.ManyAccountsOneSource;

/// <summary>The detector's state in checkpoints.</summary>
internal sealed partial class ManyAccountsOneSourceDetector
{
    internal override bool CanCheckpoint => true;

    internal override void Save(BinaryWriter writer, DetectionContext context)
    {
        _closer.Save(writer);
        _states.Save(writer, static (w, s) =>
        {
            w.Write(s.ReportedUntilMs);
            StateIo.Write(w, s.SampleKeys);
            w.Write(s.Sightings.Count);
            foreach (var x in s.Sightings)
            {
                w.Write(x.Account);
                w.Write(x.FirstMs);
                w.Write(x.LastMs);
            }
        });
    }

    internal override void Load(BinaryReader reader, DetectionContext context)
    {
        _closer.Load(reader);
        _states.Load(reader, static (r, s) =>
        {
            s.ReportedUntilMs = r.ReadInt64();
            StateIo.Read(r, s.SampleKeys);
            var count = r.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                s.Sightings.Add(new AccountSighting { Account = r.ReadInt32(), FirstMs = r.ReadInt64(), LastMs = r.ReadInt64() });
            }
        });
    }
}
