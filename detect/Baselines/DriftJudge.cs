namespace LogSentinel.Detect.Baselines;

/// <summary>
/// A sustained shift of an entity's daily volume (quiet scraping that runs for weeks): for every possible start of the
/// shift among its recent active days, the days since then are compared with the days before, whose median is the
/// baseline frozen at that start, so the shifted days never raise their own baseline. The excess is summed over the
/// shifted days and scaled by its standard error, which counts the day-to-day spread of each shifted day and the
/// uncertainty of the frozen baseline; small daily excesses add up over the days while one busy day does not. The
/// largest such z over the start days is reported (a scan statistic, like a one-sided CUSUM that also knows how
/// little history its baseline has).
/// The frozen baseline is the Hodges-Lehmann location of the days before (the median of their pairwise averages):
/// as robust to a few odd days as the median, but known about as well as a mean, which matters because a shift that
/// starts after a week or two of history is judged against a baseline of that week or two. Beyond
/// <see cref="HodgesLehmannMaxDays"/> days before the shift, where the baseline's uncertainty is small anyway, the
/// median is used instead, so a long history does not cost quadratic work.
/// </summary>
internal static class DriftJudge
{
    /// <summary>Variance of a median of normal values relative to that of a mean (pi / 2).</summary>
    private const double MedianVarianceFactor = Math.PI / 2;

    /// <summary>Most days before the shift whose baseline is a Hodges-Lehmann location (820 pairwise averages); the median beyond.</summary>
    public const int HodgesLehmannMaxDays = 40;

    /// <summary>Scratch <see cref="Scan"/> needs for a ring of <paramref name="capacity"/> days.</summary>
    public static int ScratchLength(int capacity) => capacity + RobustStats.WalshAverages(Math.Min(capacity, HodgesLehmannMaxDays));

    /// <summary>
    /// Scans the ring (today newest). <paramref name="daySpread"/> is the spread of an entity's daily log volume beyond
    /// counting noise; the variance of a day is the largest of that plus the Poisson term (about 1 / expected lookups),
    /// the entity's own robust variance times <paramref name="ownSpreadWeight"/> (a MAD over a week or two of days is
    /// itself noisy, and taken whole it would hide an erratic account's drift) and <c>MinSpread</c> squared.
    /// <paramref name="scratch"/> holds at least <see cref="ScratchLength"/> of the ring's count.
    /// </summary>
    public static Drift Scan(ActiveDayRing ring, int minOwnDays, int minRecentDays, double daySpread, double ownSpreadWeight, double minSpread, Span<double> scratch)
    {
        var best = Drift.None;
        var recentSum = 0.0;
        for (var recent = 1; recent <= ring.Count - minOwnDays; recent++)
        {
            recentSum += ring.Newest(recent - 1).Value;
            if (recent < minRecentDays)
            {
                continue;
            }

            var own = ring.Count - recent;
            var values = scratch[..own];
            for (var i = 0; i < own; i++)
            {
                values[i] = ring.Newest(recent + i).Value;
            }

            // Before the median sorts the values and the MAD overwrites them.
            var efficient = own <= HodgesLehmannMaxDays;
            var baseline = efficient ? RobustStats.HodgesLehmann(values, scratch[own..]) : double.NaN;
            var median = RobustStats.Median(values);
            var mad = RobustStats.MadToSigma * RobustStats.Mad(values, median);
            if (!efficient)
            {
                baseline = median;
            }

            var variance = Math.Max(Math.Max((daySpread * daySpread) + (1 / Math.Exp(baseline)), ownSpreadWeight * mad * mad), minSpread * minSpread);
            var factor = efficient ? RobustStats.HodgesLehmannVarianceFactor : MedianVarianceFactor;
            var excess = recentSum - (recent * baseline);
            var z = excess / Math.Sqrt((recent * variance) + (recent * (double)recent * variance * factor / own));
            if (z > best.Z)
            {
                best = new Drift(z, recent, own, ring.Newest(recent - 1).Day, baseline, recentSum / recent);
            }
        }

        return best;
    }
}

/// <summary>The strongest sustained shift found by <see cref="DriftJudge"/> (log scale: log(1 + lookups)).</summary>
/// <param name="Z">Standard errors the shifted days together lie above the frozen baseline; negative infinity when none was judged.</param>
/// <param name="RecentDays">Active days since the shift began, today included.</param>
/// <param name="OwnDays">Active days before the shift, whose median is the baseline.</param>
/// <param name="FirstDay">Local day number of the first shifted day.</param>
/// <param name="Expected">Frozen baseline (Hodges-Lehmann location, or median beyond <see cref="DriftJudge.HodgesLehmannMaxDays"/> days) of the log lookups of the days before the shift.</param>
/// <param name="RecentMean">Mean log lookups of the shifted days.</param>
internal readonly record struct Drift(double Z, int RecentDays, int OwnDays, int FirstDay, double Expected, double RecentMean)
{
    public static Drift None => new(double.NegativeInfinity, 0, 0, 0, double.NaN, double.NaN);

    /// <summary>Expected lookups per active day before the shift, back from the log scale.</summary>
    public double ExpectedLookups => Math.Exp(Expected) - 1;

    /// <summary>Mean lookups per active day since the shift (geometric), back from the log scale.</summary>
    public double RecentLookups => Math.Exp(RecentMean) - 1;

    /// <summary>Ratio of the shifted days' volume to the baseline's.</summary>
    public double Ratio => Math.Exp(RecentMean - Expected);
}
