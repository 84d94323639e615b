namespace LogSentinel.Detect.Baselines;

/// <summary>The last N active days of one entity and one kind of day: local day number and log(1 + lookups).</summary>
internal sealed class ActiveDayRing(int capacity)
{
    private readonly int[] _days = new int[capacity];
    private readonly float[] _values = new float[capacity];
    private int _next;

    public int Count { get; private set; }

    public int Capacity => _days.Length;

    /// <summary>Adds a day (newest last).</summary>
    public void Add(int day, float value)
    {
        _days[_next] = day;
        _values[_next] = value;
        _next = (_next + 1) % _days.Length;
        Count = Math.Min(Count + 1, _days.Length);
    }

    /// <summary>The <paramref name="age"/>-th newest entry (0 = newest).</summary>
    public (int Day, float Value) Newest(int age)
    {
        var i = ((_next - 1 - age) % _days.Length + _days.Length) % _days.Length;
        return (_days[i], _values[i]);
    }

    internal void Save(BinaryWriter w)
    {
        w.Write(Count);
        for (var age = Count - 1; age >= 0; age--)
        {
            var (day, value) = Newest(age);
            w.Write(day);
            w.Write(value);
        }
    }

    internal void Load(BinaryReader r)
    {
        var count = r.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            Add(r.ReadInt32(), r.ReadSingle());
        }
    }
}
