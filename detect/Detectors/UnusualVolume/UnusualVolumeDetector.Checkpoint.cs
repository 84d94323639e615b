using LogSentinel.Detect.Engine;

namespace LogSentinel.Detect.Detectors.UnusualVolume;

/// <summary>The detector's state in checkpoints: open day windows, active-day rings, peer groups and hourly profiles.</summary>
internal sealed partial class UnusualVolumeDetector
{
    internal override bool CanCheckpoint => true;

    internal override void Save(BinaryWriter writer, DetectionContext context)
    {
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
                foreach (var v in s.HourlyProfile)
                {
                    w.Write(v);
                }

                w.Write(s.ProfileDays);
                w.Write(s.LastDayEndMs);
            });
        }
    }

    internal override void Load(BinaryReader reader, DetectionContext context)
    {
        var model = reader.ReadUInt32();
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
            states.Load(reader, static (r, s) =>
            {
                s.Open[0].Load(r);
                s.Open[1].Load(r);
                s.Working.Load(r);
                s.DaysOff.Load(r);
                s.PeerGroup = r.ReadInt32();
                for (var i = 0; i < s.HourlyProfile.Length; i++)
                {
                    s.HourlyProfile[i] = r.ReadSingle();
                }

                s.ProfileDays = r.ReadInt32();
                s.LastDayEndMs = r.ReadInt64();
            });
        }
    }
}
