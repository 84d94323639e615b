using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.UnknownSource;

/// <summary>The detector's state in checkpoints.</summary>
internal sealed partial class UnknownSourceDetector
{
    internal override bool CanCheckpoint => true;

    internal override void Save(BinaryWriter writer, DetectionContext context) =>
        _states.Save(writer, static (w, s) =>
        {
            w.Write(s.Events);
            w.Write(s.Lookups);
            StateIo.Write(w, s.Accounts);
            StateIo.Write(w, s.SampleKeys);
            StateIo.Write(w, s.CitizenRefs);
            w.Write(s.ScheduledWindow);
            StateIo.Write(w, [.. s.EarliestTimes]);
            StateIo.Write(w, s.EarliestAccounts);
            w.Write(s.EarlyDue);
            w.Write(s.RaisedEarly);
        });

    internal override void Load(BinaryReader reader, DetectionContext context) =>
        _states.Load(reader, static (r, s) =>
        {
            s.Events = r.ReadInt64();
            s.Lookups = r.ReadInt64();
            StateIo.Read(r, s.Accounts);
            StateIo.Read(r, s.SampleKeys);
            StateIo.Read(r, s.CitizenRefs);
            s.ScheduledWindow = r.ReadInt64();
            var times = r.ReadInt32();
            for (var i = 0; i < times; i++)
            {
                s.EarliestTimes.Add(r.ReadInt64());
            }

            StateIo.Read(r, s.EarliestAccounts);
            s.EarlyDue = r.ReadInt64();
            s.RaisedEarly = r.ReadBoolean();
        });
}
