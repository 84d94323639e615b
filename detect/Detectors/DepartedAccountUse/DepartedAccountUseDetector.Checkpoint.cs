using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.DepartedAccountUse;

/// <summary>The detector's state in checkpoints.</summary>
internal sealed partial class DepartedAccountUseDetector
{
    internal override bool CanCheckpoint => true;

    internal override void Save(BinaryWriter writer, DetectionContext context) =>
        _states.Save(writer, static (w, s) =>
        {
            w.Write(s.Events);
            w.Write(s.Lookups);
            w.Write(s.FirstMs);
            StateIo.Write(w, s.Ips);
            StateIo.Write(w, s.SampleKeys);
            StateIo.Write(w, s.CitizenRefs);
            w.Write(s.ScheduledHour);
        });

    internal override void Load(BinaryReader reader, DetectionContext context) =>
        _states.Load(reader, static (r, s) =>
        {
            s.Events = r.ReadInt64();
            s.Lookups = r.ReadInt64();
            s.FirstMs = r.ReadInt64();
            StateIo.Read(r, s.Ips);
            StateIo.Read(r, s.SampleKeys);
            StateIo.Read(r, s.CitizenRefs);
            s.ScheduledHour = r.ReadInt64();
        });
}
