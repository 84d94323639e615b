namespace LogSentinel.Detect.Detectors.UnusualVolume;

/// <summary>One entity's counts over one local day, reused from day to day (no allocation once created).</summary>
internal sealed class DayCounters
{
    public const int MaxPeers = 16;

    public int Day { get; set; } = int.MinValue;

    public int Lookups;
    public int Requests;
    public int ScriptRequests;
    public int ServerErrors;
    public int NotFound;
    public int OffHours;
    public int WithDelta;
    public int Sequential;
    public int Gaps;
    public double GapSum;
    public double GapSumSquares;
    public long LastLookupMs = long.MinValue;

    /// <summary>Linear-counting bitmap of citizen pseudonyms (512 bits).</summary>
    public readonly ulong[] Citizens = new ulong[8];

    /// <summary>Birth-registration provinces seen (codes 0-127).</summary>
    public readonly ulong[] Provinces = new ulong[2];

    /// <summary>Distinct addresses (of an account) or accounts (of an address or agency), up to <see cref="MaxPeers"/>.</summary>
    public readonly int[] Peers = new int[MaxPeers];
    public int PeerCount;

    /// <summary>Lookups per local hour of the day.</summary>
    public readonly int[] Hours = new int[24];

    public void Reset(int day)
    {
        Day = day;
        Lookups = Requests = ScriptRequests = ServerErrors = NotFound = OffHours = WithDelta = Sequential = Gaps = PeerCount = 0;
        GapSum = GapSumSquares = 0;
        LastLookupMs = long.MinValue;
        Array.Clear(Citizens);
        Array.Clear(Provinces);
        Array.Clear(Hours);
    }

    public void AddPeer(int peer)
    {
        if (peer < 0 || PeerCount >= MaxPeers)
        {
            return;
        }

        for (var i = 0; i < PeerCount; i++)
        {
            if (Peers[i] == peer)
            {
                return;
            }
        }

        Peers[PeerCount++] = peer;
    }

    /// <summary>Distinct citizens looked up, by linear counting over the bitmap, never more than the lookups.</summary>
    public double DistinctCitizens()
    {
        var zeros = 0;
        foreach (var word in Citizens)
        {
            zeros += 64 - System.Numerics.BitOperations.PopCount(word);
        }

        var estimate = zeros == 0 ? Lookups : -512 * Math.Log(zeros / 512.0);
        return Math.Min(estimate, Lookups);
    }

    public int DistinctProvinces() => System.Numerics.BitOperations.PopCount(Provinces[0]) + System.Numerics.BitOperations.PopCount(Provinces[1]);

    /// <summary>Coefficient of variation of the gaps between lookups: low for a script's fixed pace; 3 when too few gaps.</summary>
    public double GapVariation()
    {
        if (Gaps < 3 || GapSum <= 0)
        {
            return 3;
        }

        var mean = GapSum / Gaps;
        var variance = Math.Max((GapSumSquares / Gaps) - (mean * mean), 0);
        return Math.Min(Math.Sqrt(variance) / mean, 3);
    }

    internal void Save(BinaryWriter w)
    {
        w.Write(Day);
        if (Day == int.MinValue)
        {
            return;
        }

        w.Write(Lookups);
        w.Write(Requests);
        w.Write(ScriptRequests);
        w.Write(ServerErrors);
        w.Write(NotFound);
        w.Write(OffHours);
        w.Write(WithDelta);
        w.Write(Sequential);
        w.Write(Gaps);
        w.Write(GapSum);
        w.Write(GapSumSquares);
        w.Write(LastLookupMs);
        foreach (var c in Citizens)
        {
            w.Write(c);
        }

        w.Write(Provinces[0]);
        w.Write(Provinces[1]);
        w.Write(PeerCount);
        for (var i = 0; i < PeerCount; i++)
        {
            w.Write(Peers[i]);
        }

        foreach (var h in Hours)
        {
            w.Write(h);
        }
    }

    internal void Load(BinaryReader r)
    {
        var day = r.ReadInt32();
        if (day == int.MinValue)
        {
            Day = day;
            return;
        }

        Reset(day);
        Lookups = r.ReadInt32();
        Requests = r.ReadInt32();
        ScriptRequests = r.ReadInt32();
        ServerErrors = r.ReadInt32();
        NotFound = r.ReadInt32();
        OffHours = r.ReadInt32();
        WithDelta = r.ReadInt32();
        Sequential = r.ReadInt32();
        Gaps = r.ReadInt32();
        GapSum = r.ReadDouble();
        GapSumSquares = r.ReadDouble();
        LastLookupMs = r.ReadInt64();
        for (var i = 0; i < Citizens.Length; i++)
        {
            Citizens[i] = r.ReadUInt64();
        }

        Provinces[0] = r.ReadUInt64();
        Provinces[1] = r.ReadUInt64();
        PeerCount = r.ReadInt32();
        for (var i = 0; i < PeerCount; i++)
        {
            Peers[i] = r.ReadInt32();
        }

        for (var i = 0; i < Hours.Length; i++)
        {
            Hours[i] = r.ReadInt32();
        }
    }
}
