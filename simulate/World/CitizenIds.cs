using LogSentinel.Simulate.Randomness;

namespace LogSentinel.Simulate.World;

/// <summary>
/// Citizen identity numbers (CCCD) with the real structure: province code of birth registration, a sex/century
/// digit, two digits of the birth year and six random digits. Held as numbers and written zero-padded.
/// </summary>
internal static class CitizenIds
{
    public static long Make(int province, int birthYear, bool female, int serial)
    {
        var centuryDigit = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0);
        return (province * 1_000_000_000L) + (centuryDigit * 100_000_000L) + ((birthYear % 100) * 1_000_000L) + serial;
    }

    /// <summary>A random citizen, most often registered in <paramref name="homeProvince"/>.</summary>
    public static long Next(Prng rng, int homeProvince, double homeShare = 0.72)
    {
        var province = rng.Chance(homeShare) ? homeProvince : CitizenProvinceCodes.All[rng.Next(CitizenProvinceCodes.All.Length)];
        var year = (int)Math.Clamp(Math.Round(1982 + (rng.Normal() * 17)), 1930, 2018);
        return Make(province, year, rng.Chance(0.5), rng.Next(1_000_000));
    }

    /// <summary>Another member of the household of <paramref name="head"/>: a spouse or a child, same place of registration.</summary>
    public static long Relative(Prng rng, long head)
    {
        var province = (int)(head / 1_000_000_000L);
        var headYear = BirthYear(head);
        var year = rng.Chance(0.35) ? headYear + rng.Next(-5, 4) : headYear + rng.Next(22, 36);
        return Make(province, Math.Min(year, 2020), rng.Chance(0.5), rng.Next(1_000_000));
    }

    public static int BirthYear(long id)
    {
        var centuryDigit = (int)(id / 100_000_000L % 10);
        var yy = (int)(id / 1_000_000L % 100);
        return (centuryDigit >= 2 ? 2000 : 1900) + yy;
    }

    /// <summary>The next id in the same province, sex and birth year: what a script looping over a sequence asks for.</summary>
    public static long Successor(long id) => (id % 1_000_000L) == 999_999 ? id - 999_999 : id + 1;

    /// <summary>Writes the 12 digits, zero-padded.</summary>
    public static void Write(long id, Span<byte> dest)
    {
        for (var i = 11; i >= 0; i--)
        {
            dest[i] = (byte)('0' + (id % 10));
            id /= 10;
        }
    }
}
