namespace LogSentinel.Detect.Baselines;

/// <summary>
/// A sustained shift of an entity's daily volume (quiet scraping that runs for weeks): for every possible start of the
/// shift among its recent active days, the days since then are compared with the days before, whose median is the
/// baseline frozen at that start, so the shifted days never raise their own baseline. The excess is summed over the
/// shifted days and scaled by its standard error, which counts the day-to-day spread of each shifted day and the
/// uncertainty of the frozen median; small daily excesses add up over the days while one busy day does not. The
/// largest such z over the start days is reported (a scan statistic, like a one-sided CUSUM that also knows how
/// little history its baseline has).
/// </summary>
internal static class DriftJudge
{
    /// <summary>Variance of a median of normal values relative to that of a mean (pi / 2).</summary>
    private const double MedianVarianceFactor = Math.PI / 2;

    /// <summary>
    /// Scans the ring (today newest). <paramref name="daySpread"/> is the spread of an entity's daily log volume beyond
    /// counting noise; the variance of a day is the largest of that plus the Poisson term (about 1 / expected lookups),
    /// the entity's own robust variance times <paramref name="ownSpreadWeight"/> (a MAD over a week or two of days is
    /// itself noisy, and taken whole it would hide an erratic account's drift) and <c>MinSpread</c> squared.
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

            var median = RobustStats.Median(values);
            var mad = RobustStats.MadToSigma * RobustStats.Mad(values, median);
            var variance = Math.Max(Math.Max((daySpread * daySpread) + (1 / Math.Exp(median)), ownSpreadWeight * mad * mad), minSpread * minSpread);
            var excess = recentSum - (recent * median);
            var z = excess / Math.Sqrt((recent * variance) + (recent * (double)recent * variance * MedianVarianceFactor / own));
            if (z > best.Z)
            {
                best = new Drift(z, recent, own, ring.Newest(recent - 1).Day, median, recentSum / recent);
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
/// <param name="Expected">Median log lookups of the days before the shift.</param>
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
