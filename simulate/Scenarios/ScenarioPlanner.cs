using LogSentinel.Simulate.Randomness;
using LogSentinel.Simulate.Rhythm;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate.Scenarios;

/// <summary>
/// What a scenario sees while it is planned: the world, its request, its own random stream, and helpers to pick
/// targets and times. Targets are claimed so two scenarios never share one.
/// </summary>
internal sealed class ScenarioPlanner
{
    private readonly List<GroundTruthLabel> _labels;

    public ScenarioPlanner(WorldModel world, ScenarioRequest request, List<GroundTruthLabel> labels)
    {
        World = world;
        Request = request;
        _labels = labels;
        Random = SeedMixer.Stream(world.Seed, StreamPurpose.ScenarioPlan, (ulong)request.Kind);
    }

    public WorldModel World { get; }

    public SimCalendar Calendar => World.Calendar;

    public ScenarioRequest Request { get; }

    public Prng Random { get; }

    public T By<T>(T low, T medium, T high) => Request.Intensity switch
    {
        ScenarioIntensity.Low => low,
        ScenarioIntensity.High => high,
        _ => medium,
    };

    /// <summary>The requested start day, or <paramref name="fallback"/> clamped into the period.</summary>
    public int StartDay(int fallback)
    {
        if (Request.Start is { } start)
        {
            var day = Calendar.DayOf(DateOnly.FromDateTime(start.ToOffset(SimCalendar.Offset).DateTime));
            if (day < 0 || day >= Calendar.Days)
            {
                throw new ArgumentException(
                    $"Scenario {ScenarioNames.Of(Request.Kind)} starts {start:yyyy-MM-dd}, outside the simulated period.");
            }

            return day;
        }

        return Math.Clamp(fallback, 0, Calendar.Days - 1);
    }

    /// <summary>A default start day somewhere in the period, leaving room for <paramref name="length"/> days.</summary>
    public int RandomStartDay(int length, bool workingDay)
    {
        var days = Calendar.Days;
        var low = Math.Min(1, days - 1);
        var high = Math.Max(low + 1, days - length);
        var day = Random.Next(low, high);
        return workingDay ? NextWorkingDay(day) : day;
    }

    /// <summary>The requested time of day, or <paramref name="fallbackMs"/> (ms after local midnight).</summary>
    public long TimeOfDay(long fallbackMs) =>
        Request.Start is { } start ? (long)start.ToOffset(SimCalendar.Offset).TimeOfDay.TotalMilliseconds : fallbackMs;

    /// <summary><paramref name="day"/> or the next working day; stays on <paramref name="day"/> if none is left.</summary>
    public int NextWorkingDay(int day)
    {
        for (var d = day; d < Calendar.Days; d++)
        {
            if (Calendar.IsWorkingDay(d))
            {
                return d;
            }
        }

        return day;
    }

    /// <summary>The target account of the request, or a free active staff account, preferring <paramref name="preferred"/>.</summary>
    public Account TargetAccount(Func<Account, bool> preferred)
    {
        if (Request.Target is { } name)
        {
            var account = World.FindAccount(name)
                ?? throw new ArgumentException($"Scenario {ScenarioNames.Of(Request.Kind)}: no account named '{name}'.");
            account.Claimed = true;
            return account;
        }

        return PickAccount(preferred);
    }

    /// <summary>A free active staff account, preferring <paramref name="preferred"/>; claims it.</summary>
    public Account PickAccount(Func<Account, bool> preferred)
    {
        var humans = World.HumanCount;
        for (var attempt = 0; attempt < 400; attempt++)
        {
            var candidate = World.Accounts[Random.Next(humans)];
            if (IsFree(candidate) && preferred(candidate))
            {
                candidate.Claimed = true;
                return candidate;
            }
        }

        var offset = Random.Next(humans);
        for (var i = 0; i < humans; i++)
        {
            var candidate = World.Accounts[(offset + i) % humans];
            if (IsFree(candidate))
            {
                candidate.Claimed = true;
                return candidate;
            }
        }

        throw new ArgumentException($"Scenario {ScenarioNames.Of(Request.Kind)}: the world has too few free accounts; add --accounts.");
    }

    /// <summary>The requested source address, or a public address outside every registered network.</summary>
    public uint TargetPublicIp()
    {
        if (Request.Target is { } text)
        {
            return ParseIp(text);
        }

        ReadOnlySpan<int> prefixes = [103, 97, 125, 45, 124, 94, 185, 220, 101, 171, 244, 62, 113, 160, 12, 118, 70, 186];
        var p = Random.Next(prefixes.Length / 3) * 3;
        return Ipv4.Make(prefixes[p], prefixes[p + 1], prefixes[p + 2], Random.Next(2, 254));
    }

    /// <summary>The requested source address, or a spare host (.240-.250) in some agency's office network.</summary>
    public uint TargetLanHost()
    {
        if (Request.Target is { } text)
        {
            return ParseIp(text);
        }

        var agency = World.Agencies[Random.Next(World.Agencies.Count)];
        return agency.Networks[0].Host(Random.Next(240, 251));
    }

    /// <summary>A public address for a flood bot: never private, reserved or inside a registered network.</summary>
    public uint RandomPublicIp()
    {
        while (true)
        {
            var ip = (uint)Random.NextUInt64();
            if (!Ipv4.IsPrivateOrReserved(ip) && !World.IsRegistered(ip))
            {
                return ip;
            }
        }
    }

    public long At(int day, long timeOfDayMs) => Calendar.DayStartMs(day) + timeOfDayMs;

    public void AddLabel(string entityKind, string entity, long startMs, long endMs) =>
        _labels.Add(new GroundTruthLabel(ScenarioNames.Of(Request.Kind), entityKind, entity,
            SimCalendar.ToLocal(startMs), SimCalendar.ToLocal(Math.Min(endMs, Calendar.EndMs - 1)), ScenarioNames.Of(Request.Intensity)));

    private static bool IsFree(Account account) =>
        !account.Claimed && account.Status == AccountStatus.Active && account.LastWorkDay == int.MaxValue
        && account.DelegatedTo.Count == 0 && account.Role != "supervisor";

    private uint ParseIp(string text)
    {
        if (!System.Net.IPAddress.TryParse(text, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"Scenario {ScenarioNames.Of(Request.Kind)}: target '{text}' is not an IPv4 address.");
        }

        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return Ipv4.Make(bytes[0], bytes[1], bytes[2], bytes[3]);
    }
}
