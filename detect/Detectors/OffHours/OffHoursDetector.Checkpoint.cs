using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.OffHours;

/// <summary>The detector's state in checkpoints: each account's open hours and history of active hours, and the agencies' hours.</summary>
internal sealed partial class OffHoursDetector
{
    internal override bool CanCheckpoint => true;

    internal override void Save(BinaryWriter writer, DetectionContext context)
    {
        // The state is created with the first event; before it there is nothing to save.
        writer.Write(_calendar is not null);
        if (_calendar is null)
        {
            return;
        }

        _states!.Save(writer, static (w, s) =>
        {
            w.Write(s.Slots.Length);
            foreach (var slot in s.Slots)
            {
                w.Write(slot.Hour);
                w.Write(slot.Events);
                w.Write(slot.OffLookups);
                w.Write(slot.Ip);
                w.Write(slot.Sample0);
                w.Write(slot.Sample1);
                w.Write(slot.Sample2);
                w.Write(slot.FirstOffMs);
                w.Write(slot.LastOffMs);
            }

            foreach (var mask in s.History)
            {
                mask.Save(w);
            }

            s.ActiveDays.Save(w);
            w.Write(s.FirstSeenMs);
            w.Write(s.Agency);
        });
        _agencies!.Save(writer, static (w, a) =>
        {
            StateIo.Write(w, a.Hours);
            w.Write(a.Accounts.Length);
            foreach (var accounts in a.Accounts)
            {
                w.Write(accounts);
            }
        });
    }

    internal override void Load(BinaryReader reader, DetectionContext context)
    {
        if (!reader.ReadBoolean())
        {
            return;
        }

        _calendar = Create(context);
        _states!.Load(reader, static (r, s) =>
        {
            if (r.ReadInt32() != s.Slots.Length)
            {
                throw new InvalidDataException("The checkpointed off-hours state does not fit; the allowed lateness changed.");
            }

            for (var i = 0; i < s.Slots.Length; i++)
            {
                s.Slots[i] = new HourSlot
                {
                    Hour = r.ReadInt64(),
                    Events = r.ReadInt32(),
                    OffLookups = r.ReadInt32(),
                    Ip = r.ReadInt32(),
                    Sample0 = r.ReadUInt64(),
                    Sample1 = r.ReadUInt64(),
                    Sample2 = r.ReadUInt64(),
                    FirstOffMs = r.ReadInt64(),
                    LastOffMs = r.ReadInt64(),
                };
            }

            for (var i = 0; i < s.History.Length; i++)
            {
                s.History[i].Load(r);
            }

            s.ActiveDays.Load(r);
            s.FirstSeenMs = r.ReadInt64();
            s.Agency = r.ReadInt32();
        });
        _agencies!.Load(reader, static (r, a) =>
        {
            StateIo.Read(r, a.Hours);
            if (r.ReadInt32() != a.Accounts.Length)
            {
                throw new InvalidDataException("The checkpointed off-hours state does not fit; the allowed lateness changed.");
            }

            for (var i = 0; i < a.Accounts.Length; i++)
            {
                a.Accounts[i] = r.ReadInt32();
            }
        });
    }
}
