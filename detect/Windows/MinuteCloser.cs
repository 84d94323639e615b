namespace LogSentinel.Detect.Windows;

/// <summary>
/// Remembers, per entity, the newest minute whose closing is already scheduled, so a detector asks for one
/// closing per entity and minute however many events that minute holds.
/// </summary>
internal sealed class MinuteCloser
{
    private long[] _scheduled = new long[256];

    public MinuteCloser() => Array.Fill(_scheduled, long.MinValue);

    public void Save(BinaryWriter writer)
    {
        writer.Write(_scheduled.Length);
        foreach (var m in _scheduled)
        {
            writer.Write(m);
        }
    }

    public void Load(BinaryReader reader)
    {
        _scheduled = new long[reader.ReadInt32()];
        for (var i = 0; i < _scheduled.Length; i++)
        {
            _scheduled[i] = reader.ReadInt64();
        }
    }

    /// <summary>True when <paramref name="minute"/> is newer than any minute scheduled for the entity; records it.</summary>
    public bool ShouldSchedule(int entity, long minute)
    {
        if (entity >= _scheduled.Length)
        {
            var old = _scheduled.Length;
            Array.Resize(ref _scheduled, Math.Max(entity + 1, old * 2));
            Array.Fill(_scheduled, long.MinValue, old, _scheduled.Length - old);
        }

        if (minute <= _scheduled[entity])
        {
            return false;
        }

        _scheduled[entity] = minute;
        return true;
    }
}
