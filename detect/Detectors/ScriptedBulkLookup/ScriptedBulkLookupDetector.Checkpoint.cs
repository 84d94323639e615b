using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.ScriptedBulkLookup;

/// <summary>The detector's state in checkpoints.</summary>
internal sealed partial class ScriptedBulkLookupDetector
{
    internal override bool CanCheckpoint => true;

    /// <summary>Outside the event handlers, whose every call would otherwise allocate the lambda's closure.</summary>
    private static EntityStates<ScriptedLookupState> CreateStates(int minutes) => new(() => new ScriptedLookupState(minutes));

    internal override void Save(BinaryWriter writer, DetectionContext context)
    {
        _closer.Save(writer);
        writer.Write(_states is not null);
        _states?.Save(writer, static (w, s) =>
        {
            s.Minutes.Save(w);
            w.Write(s.TimeCount);
            for (var i = 0; i < s.TimeCount; i++)
            {
                w.Write(s.Times[i]);
            }

            StateIo.Write(w, s.Refs);
            w.Write(s.RefCount);
            StateIo.Write(w, s.SampleKeys);
            w.Write(s.Samples);
            w.Write(s.Ip);
            w.Write(s.UserAgent);
            w.Write(s.ReportedUntilMs);
        });
    }

    internal override void Load(BinaryReader reader, DetectionContext context)
    {
        _closer.Load(reader);
        if (!reader.ReadBoolean())
        {
            return;
        }

        _states = CreateStates(context.Options.ScriptedBulkLookup.WindowMinutes);
        _states.Load(reader, static (r, s) =>
        {
            s.Minutes.Load(r);
            var times = r.ReadInt32();
            s.TimeCount = 0;
            for (var i = 0; i < times; i++)
            {
                s.AddTime(r.ReadInt64());
            }

            StateIo.Read(r, s.Refs);
            s.RefCount = r.ReadInt32();
            StateIo.Read(r, s.SampleKeys);
            s.Samples = r.ReadInt32();
            s.Ip = r.ReadInt32();
            s.UserAgent = r.ReadInt32();
            s.ReportedUntilMs = r.ReadInt64();
        });
    }
}
