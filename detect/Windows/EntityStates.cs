namespace LogSentinel.Detect.Windows;

/// <summary>Per-entity state of one detector, indexed by interned entity id and created on first use.</summary>
internal sealed class EntityStates<T>(Func<T> create)
    where T : class
{
    private T?[] _states = new T?[256];

    public T Get(int id)
    {
        if (id >= _states.Length)
        {
            Array.Resize(ref _states, Math.Max(id + 1, _states.Length * 2));
        }

        return _states[id] ??= create();
    }

    public T? Find(int id) => id < _states.Length ? _states[id] : null;

    /// <summary>Writes every state created so far with its entity id.</summary>
    public void Save(BinaryWriter writer, Action<BinaryWriter, T> write)
    {
        var count = 0;
        foreach (var s in _states)
        {
            count += s is null ? 0 : 1;
        }

        writer.Write(count);
        for (var id = 0; id < _states.Length; id++)
        {
            if (_states[id] is { } state)
            {
                writer.Write(id);
                write(writer, state);
            }
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote, filling freshly created states.</summary>
    public void Load(BinaryReader reader, Action<BinaryReader, T> read)
    {
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            read(reader, Get(reader.ReadInt32()));
        }
    }
}
