namespace LogSentinel.Detect.Alerts;

/// <summary>The merger's open alerts and counts, for checkpoints. Changes not yet drained are not saved: drain first.</summary>
internal sealed partial class AlertMerger
{
    /// <summary>Ids of the alerts still open to merging.</summary>
    public IEnumerable<Guid> OpenIds
    {
        get
        {
            foreach (var alert in _open.Values)
            {
                yield return alert.Id;
            }
        }
    }

    public void Save(BinaryWriter writer)
    {
        if (_changed.Count > 0)
        {
            throw new InvalidOperationException("Alert changes must be drained before a checkpoint.");
        }

        writer.Write(_countByType.Count);
        foreach (var (type, count) in _countByType)
        {
            writer.Write(type);
            writer.Write(count);
        }

        writer.Write(_open.Count);
        foreach (var alert in _open.Values)
        {
            alert.Save(writer);
        }
    }

    public void Load(BinaryReader reader)
    {
        var types = reader.ReadInt32();
        for (var i = 0; i < types; i++)
        {
            _countByType[reader.ReadString()] = reader.ReadInt32();
        }

        var open = reader.ReadInt32();
        for (var i = 0; i < open; i++)
        {
            var alert = DetectedAlert.Load(reader);
            _open[(alert.Type, alert.EntityKind, alert.Entity)] = alert;
        }
    }
}
