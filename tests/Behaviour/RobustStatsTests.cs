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
