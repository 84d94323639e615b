using LogSentinel.Detect.Calendar;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.VolumeSpike;

/// <summary>The detector's state in checkpoints: each entity's recent windows and daily rhythm.</summary>
internal sealed partial class VolumeSpikeDetector
{
    internal override bool CanCheckpoint => true;

    internal override void Save(BinaryWriter writer, DetectionContext context)
    {
        // The rings are sized with the first event; before it there is nothing to save.
        writer.Write(_ringLength);
        if (_ringLength == 0)
        {
            return;
        }

        foreach (var states in _states)
        {
            states.Save(writer, static (w, s) =>
            {
                StateIo.Write(w, s.Windows);
                StateIo.Write(w, s.Requests);
                StateIo.Write(w, s.Unauthenticated);
                StateIo.Write(w, s.ServerErrors);
                w.Write(s.FirstWindow);
                StateIo.Write(w, s.Rhythm);
                StateIo.Write(w, s.RhythmDay);
                foreach (var working in s.RhythmWorking)
                {
                    w.Write(working);
                }
            });
        }
    }

    internal override void Load(BinaryReader reader, DetectionContext context)
    {
        var ringLength = reader.ReadInt32();
        if (ringLength == 0)
        {
            return;
        }

        var options = context.Options.VolumeSpike;
        _ringLength = ringLength;
        _scratch = new long[options.BaselineWindows];
        _calendar = new WorkingCalendar(context.Options.OffHours, context.Options.LocalOffset);
        for (var k = 0; k < _states.Length; k++)
        {
            _states[k] = new EntityStates<VolumeSpikeState>(() => new VolumeSpikeState(_ringLength));
            _states[k].Load(reader, static (r, s) =>
            {
                StateIo.Read(r, s.Windows);
                StateIo.Read(r, s.Requests);
                StateIo.Read(r, s.Unauthenticated);
                StateIo.Read(r, s.ServerErrors);
                s.FirstWindow = r.ReadInt64();
                StateIo.Read(r, s.Rhythm);
                StateIo.Read(r, s.RhythmDay);
                for (var i = 0; i < s.RhythmWorking.Length; i++)
                {
                    s.RhythmWorking[i] = r.ReadBoolean();
                }
            });
        }
    }
}
