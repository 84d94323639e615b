namespace LogSentinel.Detect.Baselines;

/// <summary>
/// Peer groups (an account's role and agency kind, an address's or agency's agency kind): a ring of their members'
/// recent active days, whose median is the level a member without history is expected at and whose spread says how
/// much members differ. Groups are interned the first time a member is judged.
/// </summary>
internal sealed class PeerGroups(int samples)
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<ActiveDayRing> _rings = [];

    public int Count => _names.Count;

    public string Name(int id) => _names[id];

    public int Intern(string name)
    {
        if (!_ids.TryGetValue(name, out var id))
        {
            id = _names.Count;
            _ids[name] = id;
            _names.Add(name);
            _rings.Add(new ActiveDayRing(samples));
        }

        return id;
    }

    public void Learn(int group, int day, float value) => _rings[group].Add(day, value);

    /// <summary>
    /// The group's median and robust spread of member-days before <paramref name="beforeDay"/> (so the members judged
    /// the same day, in whatever order their windows close, see the same peers); count 0 when it has none yet.
    /// </summary>
    public (double Median, double Spread, int Count) Level(int group, Span<double> scratch, int beforeDay = int.MaxValue)
    {
        var ring = _rings[group];
        var n = 0;
        for (var i = 0; i < ring.Count; i++)
        {
            var (day, value) = ring.Newest(i);
            if (day < beforeDay)
            {
                scratch[n++] = value;
            }
        }

        if (n == 0)
        {
            return (double.NaN, double.NaN, 0);
        }

        var values = scratch[..n];

        var median = RobustStats.Median(values);
        var spread = RobustStats.MadToSigma * RobustStats.Mad(values, median);
        return (median, spread, n);
    }

    internal void Save(BinaryWriter w)
    {
        w.Write(_names.Count);
        for (var i = 0; i < _names.Count; i++)
        {
            w.Write(_names[i]);
            _rings[i].Save(w);
        }
    }

    internal void Load(BinaryReader r)
    {
        var count = r.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var id = Intern(r.ReadString());
            _rings[id].Load(r);
        }
    }
}
