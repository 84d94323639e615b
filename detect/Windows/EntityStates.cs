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
}
