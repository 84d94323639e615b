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
            w.Write(s.LastIp);
            w.Write(s.LastMs);
            w.Write(s.LastNetwork is not null);
            if (s.LastNetwork is not null)
            {
                w.Write(s.LastNetwork);
            }

            w.Write(s.SwitchCount);
            w.Write(s.Switches is not null);
            if (s.Switches is not null)
            {
                StateIo.Write(w, s.Switches);
            }

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
            s.LastIp = r.ReadInt32();
            s.LastMs = r.ReadInt64();
            s.LastNetwork = r.ReadBoolean() ? r.ReadString() : null;
            s.SwitchCount = r.ReadInt32();
            if (r.ReadBoolean())
            {
                s.Switches = new long[context.Options.AccountSharing.MinNetworkSwitches];
                StateIo.Read(r, s.Switches);
            }

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
