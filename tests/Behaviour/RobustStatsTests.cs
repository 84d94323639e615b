using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LogSentinel.Detect.Baselines;

namespace LogSentinel.Tests.Behaviour;

public sealed class RobustStatsTests
{
    [Fact]
    public void Median_OddAndEvenCounts_MiddleValueOrMeanOfTheTwo()
    {
        Assert.Equal(3, RobustStats.Median([5, 1, 3]));
        Assert.Equal(2.5, RobustStats.Median([4, 1, 3, 2]));
        Assert.True(double.IsNaN(RobustStats.Median([])));
    }

    [Fact]
    public void Mad_KnownSample_MedianOfAbsoluteDeviations()
    {
        double[] values = [1, 1, 2, 2, 4, 6, 9];
        var median = RobustStats.Median(values);

        Assert.Equal(2, median);
        Assert.Equal(1, RobustStats.Mad(values, median));
    }

    [Fact]
    public void HodgesLehmann_KnownSample_MedianOfWalshAverages()
    {
        // Walsh averages of 1, 2, 3, 10: 1, 1.5, 2, 2, 2.5, 3, 5.5, 6, 6.5, 10.
        double[] values = [1, 2, 3, 10];
        var pairs = new double[RobustStats.WalshAverages(values.Length)];

        Assert.Equal(10, pairs.Length);
        Assert.Equal(2.75, RobustStats.HodgesLehmann(values, pairs));
        Assert.Equal([1, 2, 3, 10], values);
    }

    [Fact]
    public void HodgesLehmann_OneWildDayOfSeven_StaysWithTheOthers()
    {
        double[] values = [3.0, 3.1, 2.9, 3.2, 2.8, 3.0, 9.0];

        var location = RobustStats.HodgesLehmann(values, new double[RobustStats.WalshAverages(values.Length)]);

        Assert.InRange(location, 2.95, 3.2);
    }

    [Fact]
    public void HodgesLehmann_SevenNormalDays_VarianceNearTheMeansAndWellBelowTheMedians()
    {
        // The drift test scales the frozen baseline's uncertainty by pi / 3 relative to a mean (pi / 2 for a median);
        // check that factor on the sample size that matters (a week of history), over many seeded samples.
        var random = new Random(11);
        const int samples = 20_000;
        double[] values = new double[7];
        var pairs = new double[RobustStats.WalshAverages(values.Length)];
        double hl = 0, median = 0, mean = 0;
        for (var s = 0; s < samples; s++)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            }

            var h = RobustStats.HodgesLehmann(values, pairs);
            var m = values.Average();
            hl += h * h;
            mean += m * m;
            median += Math.Pow(RobustStats.Median(values), 2);
        }

        Assert.InRange(hl / mean, 1.0, RobustStats.HodgesLehmannVarianceFactor + 0.05);
        Assert.True(hl < 0.8 * median, $"HL {hl / samples}, median {median / samples}");
    }

    [Property(MaxTest = 300)]
    public Property Median_LiesBetweenMinAndMax_AndHalfTheValuesOnEachSide() => Prop.ForAll(
        Gen.ArrayOf(Gen.Choose(-1000, 1000).Select(i => (double)i)).Where(a => a.Length > 0).ToArbitrary(), values =>
        {
            var copy = (double[])values.Clone();
            var median = RobustStats.Median(copy);
            var below = values.Count(v => v <= median);
            var above = values.Count(v => v >= median);
            return median >= values.Min() && median <= values.Max() && below * 2 >= values.Length && above * 2 >= values.Length;
        });

    [Property(MaxTest = 300)]
    public Property Mad_ShiftInvariant_ScalesWithFactor_ResistsOneOutlier() => Prop.ForAll(
        Gen.ArrayOf(Gen.Choose(-100, 100).Select(i => (double)i)).Where(a => a.Length >= 3).ToArbitrary(), Gen.Choose(-50, 50).ToArbitrary(), (values, shift) =>
        {
            double Mad(IEnumerable<double> v)
            {
                var a = v.ToArray();
                return RobustStats.Mad(a, RobustStats.Median((double[])a.Clone()));
            }

            var mad = Mad(values);
            var shifted = Mad(values.Select(v => v + shift));
            var scaled = Mad(values.Select(v => v * 3));
            // Replacing one value by a huge outlier moves the MAD by at most the sample's own range.
            var outlier = Mad(values.Skip(1).Append(1e9));
            return Math.Abs(mad - shifted) < 1e-9 && Math.Abs((mad * 3) - scaled) < 1e-9 && outlier <= values.Max() - values.Min() + 1e-9;
        });
}
