namespace LogSentinel.Detect.Alerts;

/// <summary>Score helpers shared by the detectors.</summary>
internal static class Scores
{
    /// <summary>
    /// <paramref name="floor"/> at the threshold, rising linearly to <paramref name="ceiling"/> at four times the
    /// threshold: how far past normal the observation is.
    /// </summary>
    public static int Scale(double observed, double threshold, int floor, int ceiling)
    {
        var excess = threshold <= 0 ? 1.0 : Math.Clamp((observed / threshold - 1.0) / 3.0, 0.0, 1.0);
        return (int)Math.Round(floor + ((ceiling - floor) * excess));
    }

    public static string Hex(ulong value) => value.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
