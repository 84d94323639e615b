using LogSentinel.Detect.Engine;

namespace LogSentinel.Detect.Detectors.UnusualVolume;

/// <summary>The detector's state in checkpoints: open day windows, active-day rings, peer groups and hour-of-week profiles.</summary>
internal sealed partial class UnusualVolumeDetector
{
    // Written first since the hour-of-week profile replaced the hourly mean (where a model id used to come first):
    // earlier checkpoints start with the model id, and restore with their hourly means dropped.
    private const uint HourOfWeekLayout = 0xFFFF_FF02;

    // As HourOfWeekLayout, followed by the entities whose baseline changed since it was last drained: a replay drains
    // them only at its end, so a replay resumed from a checkpoint must still write them.
    private const uint ChangedBaselinesLayout = 0xFFFF_FF03;

    internal override bool CanCheckpoint => true;

    internal override void Save(BinaryWriter writer, DetectionContext context)
    {
        writer.Write(ChangedBaselinesLayout);

        // The model decides alerts, so a checkpoint only continues under the same one.
        writer.Write(models.Promoted?.Id ?? 0);
        writer.Write(_calendar is not null);
        if (_calendar is null)
        {
            return;
        }

        _peers!.Save(writer);
        foreach (var states in _states)
        {
            states.Save(writer, static (w, s) =>
            {
                s.Open[0].Save(w);
                s.Open[1].Save(w);
                s.Working.Save(w);
                s.DaysOff.Save(w);
                w.Write(s.PeerGroup);
                s.HourOfWeek.Save(w);

                w.Write(s.ProfileDays);
                w.Write(s.LastDayEndMs);
            });
        }

        writer.Write(_changed.Count);
        foreach (var entity in _changed)
        {
            writer.Write(entity);
        }
    }

    internal override void Load(BinaryReader reader, DetectionContext context)
    {
        var model = reader.ReadUInt32();
        var layout = model;
        var hourOfWeek = layout is HourOfWeekLayout or ChangedBaselinesLayout;
        if (hourOfWeek)
        {
            model = reader.ReadUInt32();
        }

        if (model != (models.Promoted?.Id ?? 0))
        {
            throw new InvalidDataException(
                $"The detection checkpoint was taken with promoted model {model} and this run has {models.Promoted?.Id ?? 0}; replay into a new database or promote the same model.");
        }

        if (!reader.ReadBoolean())
        {
            return;
        }

        EnsureReady(context);
        _peers!.Load(reader);
        foreach (var states in _states)
        {
            states.Load(reader, (r, s) =>
            {
                s.Open[0].Load(r);
                s.Open[1].Load(r);
                s.Working.Load(r);
                s.DaysOff.Load(r);
                s.PeerGroup = r.ReadInt32();
                if (hourOfWeek)
                {
                    s.HourOfWeek.Load(r);
                }
                else
                {
                    // The former hourly means (48 floats) have no median to become; the profile starts afresh.
                    for (var i = 0; i < 48; i++)
                    {
                        r.ReadSingle();
                    }
                }

                s.ProfileDays = r.ReadInt32();
                s.LastDayEndMs = r.ReadInt64();
            });
        }

        _changed.Clear();
        _changedSet.Clear();
        if (layout == ChangedBaselinesLayout)
        {
            for (var n = reader.ReadInt32(); n > 0; n--)
            {
                MarkChanged(reader.ReadInt32());
            }
        }
    }
}
