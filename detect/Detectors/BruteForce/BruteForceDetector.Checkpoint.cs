using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.BruteForce;

/// <summary>The detector's state in checkpoints.</summary>
internal sealed partial class BruteForceDetector
{
    internal override bool CanCheckpoint => true;

    /// <summary>Outside the event handlers, whose every call would otherwise allocate the lambda's closure.</summary>
    private static EntityStates<BruteForceState> CreateStates(int minutes) => new(() => new BruteForceState(minutes));

    internal override void Save(BinaryWriter writer, DetectionContext context)
    {
        _closer.Save(writer);
        writer.Write(_states is not null);
        _states?.Save(writer, static (w, s) =>
        {
            s.Failures.Save(w);
            StateIo.Write(w, s.Counterparts);
            StateIo.Write(w, s.SampleKeys);
            w.Write(s.Samples);
            w.Write(s.BurstEndMs);
            w.Write(s.ReportedUntilMs);
            w.Write(s.SuccessMs);
            w.Write(s.SuccessCounterpart);
            w.Write(s.SuccessKey);
        });
    }

    internal override void Load(BinaryReader reader, DetectionContext context)
    {
        _closer.Load(reader);
        if (!reader.ReadBoolean())
        {
            return;
        }

        _states = CreateStates(context.Options.BruteForce.WindowMinutes);
        _states.Load(reader, static (r, s) =>
        {
            s.Failures.Load(r);
            StateIo.Read(r, s.Counterparts);
            StateIo.Read(r, s.SampleKeys);
            s.Samples = r.ReadInt32();
            s.BurstEndMs = r.ReadInt64();
            s.ReportedUntilMs = r.ReadInt64();
            s.SuccessMs = r.ReadInt64();
            s.SuccessCounterpart = r.ReadInt32();
            s.SuccessKey = r.ReadUInt64();
        });
    }
}
