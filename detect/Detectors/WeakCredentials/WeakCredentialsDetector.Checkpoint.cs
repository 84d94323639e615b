using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.WeakCredentials;

/// <summary>The detector's state in checkpoints.</summary>
internal sealed partial class WeakCredentialsDetector
{
    internal override bool CanCheckpoint => true;

    internal override void Save(BinaryWriter writer, DetectionContext context)
    {
        _closer.Save(writer);
        _states.Save(writer, static (w, s) =>
        {
            w.Write(s.Logins);
            w.Write(s.DefaultPassword);
            w.Write(s.MaxAgeDays);
            w.Write(s.Ip);
            w.Write(s.SampleKey);
            w.Write(s.FirstMs);
        });
    }

    internal override void Load(BinaryReader reader, DetectionContext context)
    {
        _closer.Load(reader);
        _states.Load(reader, static (r, s) =>
        {
            s.Logins = r.ReadInt32();
            s.DefaultPassword = r.ReadBoolean();
            s.MaxAgeDays = r.ReadInt32();
            s.Ip = r.ReadInt32();
            s.SampleKey = r.ReadUInt64();
            s.FirstMs = r.ReadInt64();
        });
    }
}
