namespace LogSentinel.Simulate.Randomness;

/// <summary>
/// Derives independent, reproducible seeds for each (generator, entity, day) from the run seed, so days can be
/// generated in any order or in parallel and still give the same bytes.
/// </summary>
internal static class SeedMixer
{
    public static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A well-mixed 64-bit hash of the inputs.</summary>
    public static ulong Mix(ulong seed, ulong a, ulong b = 0, ulong c = 0)
    {
        var s = seed;
        var h = SplitMix(ref s);
        s = h ^ a;
        h = SplitMix(ref s);
        s = h ^ b;
        h = SplitMix(ref s);
        s = h ^ c;
        return SplitMix(ref s);
    }

    public static Prng Stream(ulong seed, ulong purpose, ulong entity = 0, ulong day = 0) =>
        new(Mix(seed, purpose, entity, day));
}
