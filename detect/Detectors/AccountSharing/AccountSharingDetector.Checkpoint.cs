using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.AccountSharing;

/// <summary>The detector's state in checkpoints.</summary>
internal sealed partial class AccountSharingDetector
{
    internal override bool CanCheckpoint => true;

    internal override void Save(BinaryWriter writer, DetectionContext context)
    {
        _closer.Save(writer);
        _states.Save(writer, static (w, s) =>
        {
            w.Write(s.ReportedUntilMs);
            w.Write(s.Addresses.Count);
            foreach (var a in s.Addresses)
            {
                w.Write(a.Ip);
                StateIo.Write(w, a.Recent);
                w.Write(a.Count);
                w.Write(a.Session);
                w.Write(a.SampleKey);
            }
        });
    }

    internal override void Load(BinaryReader reader, DetectionContext context)
    {
        _closer.Load(reader);
        var kept = context.Options.AccountSharing.MinEventsPerAddress;
        _states.Load(reader, (r, s) =>
        {
            s.ReportedUntilMs = r.ReadInt64();
            var count = r.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var a = new AddressActivity(r.ReadInt32(), kept);
                StateIo.Read(r, a.Recent);
                a.Count = r.ReadInt32();
                a.Session = r.ReadUInt64();
                a.SampleKey = r.ReadUInt64();
                s.Addresses.Add(a);
            }
        });
    }
}
