using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.WeakCredentials;

/// <summary>The detector's state in checkpoints.</summary>
internal sealed partial class WeakCredentialsDetector
{
    internal override bool CanCheckpoint => true;

    internal override void Save(BinaryWriter writer, DetectionContext context)
    {
        _states.Save(writer, static (w, s) =>
        {
            w.Write(s.Open.Count);
            foreach (var window in s.Open)
            {
                w.Write(window.Minute);
                w.Write(window.Logins);
                w.Write(window.DefaultPassword);
                w.Write(window.MaxAgeDays);
                w.Write(window.Ip);
                w.Write(window.SampleKey);
                w.Write(window.FirstMs);
            }
        });
    }

    internal override void Load(BinaryReader reader, DetectionContext context)
    {
        _states.Load(reader, static (r, s) =>
        {
            s.Open.Clear();
            var count = r.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                s.Open.Add(new WeakLoginWindow
                {
                    Minute = r.ReadInt64(),
                    Logins = r.ReadInt32(),
                    DefaultPassword = r.ReadBoolean(),
                    MaxAgeDays = r.ReadInt32(),
                    Ip = r.ReadInt32(),
                    SampleKey = r.ReadUInt64(),
                    FirstMs = r.ReadInt64(),
                });
            }
        });
    }
}
