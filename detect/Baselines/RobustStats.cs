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

    /// <summary>
    /// Variance of a Hodges-Lehmann estimate of normal values relative to that of a mean (pi / 3: about 95% efficient
    /// where the median is 64%).
    /// </summary>
    public const double HodgesLehmannVarianceFactor = Math.PI / 3;

    /// <summary>Scratch a <see cref="HodgesLehmann"/> of <paramref name="count"/> values needs: its Walsh averages.</summary>
    public static int WalshAverages(int count) => count * (count + 1) / 2;

    /// <summary>
    /// The Hodges-Lehmann location of <paramref name="values"/>: the median of all Walsh averages (x_i + x_j) / 2, i &lt;= j.
    /// Nearly as precise as the mean on normal data and still robust (up to 29% outliers). <paramref name="pairs"/> must
    /// hold <see cref="WalshAverages"/> values; NaN when empty.
    /// </summary>
    public static double HodgesLehmann(ReadOnlySpan<double> values, Span<double> pairs)
    {
        var n = values.Length;
        var walsh = pairs[..WalshAverages(n)];
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                walsh[k++] = (values[i] + values[j]) / 2;
            }
        }

        return Median(walsh);
    }
}
