namespace LogSentinel.Detect.Baselines;

/// <summary>Median and median absolute deviation, in place on caller-owned spans (no allocation).</summary>
internal static class RobustStats
{
    /// <summary>Scale factor turning a MAD into a standard deviation for normally distributed data.</summary>
    public const double MadToSigma = 1.4826;

    /// <summary>The median of <paramref name="values"/>, which it sorts; NaN when empty.</summary>
    public static double Median(Span<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        values.Sort();
        var n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }

    /// <summary>The median absolute deviation from <paramref name="median"/>; overwrites <paramref name="values"/> with the deviations.</summary>
    public static double Mad(Span<double> values, double median)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Abs(values[i] - median);
        }

        return Median(values);
    }
}
