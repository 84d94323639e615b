using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.Outage;

/// <summary>The detector's state in checkpoints.</summary>
internal sealed partial class OutageDetector
{
    internal override bool CanCheckpoint => true;

    internal override void Save(BinaryWriter writer, DetectionContext context)
    {
        _closer.Save(writer);
        writer.Write(_minutes is not null);
        _minutes?.Save(writer);
    }

    internal override void Load(BinaryReader reader, DetectionContext context)
    {
        _closer.Load(reader);
        if (reader.ReadBoolean())
        {
            _minutes = new MinuteRing(context.Options.Outage.WindowMinutes);
            _minutes.Load(reader);
        }
    }
}
