using LogSentinel.Detect.Baselines;

namespace LogSentinel.Tests.Behaviour;

public sealed class DriftJudgeTests
{
    // Ten working days around 20 lookups (the simulator's officers vary about this much), then the given days.
    private static readonly int[] History = [20, 14, 27, 18, 23, 16, 21, 25, 17, 22];

    [Fact]
    public void TwiceTheVolumeForTwoWeeks_AddsUpAboveTheThreshold_FromTheShiftsStart()
    {
        var drift = Scan([.. History, 40, 36, 45, 38, 42, 35, 44, 39, 41, 43, 37, 40]);

        Assert.True(drift.Z > 3.5, $"z {drift.Z}");
        Assert.Equal(12, drift.RecentDays);
        Assert.Equal(10, drift.OwnDays);
        Assert.Equal(10, drift.FirstDay);
        Assert.InRange(drift.Ratio, 1.8, 2.3);
    }

    [Fact]
    public void SameShiftForThreeDays_NotYetBeyondDoubt()
    {
        var drift = Scan([.. History, 40, 36, 45]);

        Assert.InRange(drift.Z, 1, 3.5);
    }

    [Fact]
    public void OneBusyDay_BelowTheThreshold()
    {
        var drift = Scan([.. History, 20, 19, 70, 21, 18]);

        Assert.True(drift.Z < 3, $"z {drift.Z}");
    }

    [Fact]
    public void ShiftedDaysNeverRaiseTheirOwnBaseline_TheScanKeepsAStartNearTheShift()
    {
        // Twenty shifted days and a ring of 28: the best start may take in a few shifted days (a longer baseline is more
        // precise), but its median stays that of the days before the shift.
        var drift = Scan([.. History, .. Enumerable.Repeat(50, 20)]);

        Assert.True(drift.Z > 3.5, $"z {drift.Z}");
        Assert.InRange(drift.RecentDays, 15, 20);
        Assert.InRange(drift.ExpectedLookups, 15, 25);
    }

    [Fact]
    public void FrozenBaseline_IsTheHodgesLehmannLocationOfTheDaysBefore()
    {
        var drift = Scan([.. History, 40, 36, 45, 38, 42, 35, 44, 39, 41, 43]);
        var before = History[..drift.OwnDays].Select(d => Math.Log(1 + d)).Select(v => (double)(float)v).ToArray();

        Assert.Equal(10, drift.OwnDays);
        Assert.Equal(RobustStats.HodgesLehmann(before, new double[RobustStats.WalshAverages(before.Length)]), drift.Expected, 6);
    }

    [Fact]
    public void AWeekOfHistory_TwiceTheVolumeForTwoWeeks_BeyondTheDefaultThreshold()
    {
        // The low-intensity simulated scraping: 2x for ten working days after seven of history, against which a frozen
        // median was often too uncertain to reach 3 standard errors.
        var drift = Scan([.. History[..7], 40, 30, 52, 35, 44, 31, 42, 37, 47, 34]);

        Assert.True(drift.Z >= 3, $"z {drift.Z}");
        Assert.Equal(7, drift.OwnDays);
    }

    [Fact]
    public void LongHistory_BeyondTheHodgesLehmannLimit_TheMedianIsTheBaseline()
    {
        // Three quiet days and a busy one, fifty days long: the median (10) lies below the Hodges-Lehmann location.
        int[] history = [.. Enumerable.Range(0, 50).Select(d => d % 4 == 3 ? 40 : 10)];
        var drift = Scan([.. history, .. Enumerable.Repeat(60, 10)], capacity: 64);

        Assert.True(drift.OwnDays > DriftJudge.HodgesLehmannMaxDays, $"{drift.OwnDays} days before");
        Assert.Equal(10, drift.ExpectedLookups, 4);
    }

    [Fact]
    public void TooLittleHistory_NothingJudged()
    {
        var drift = Scan([20, 22, 19, 40, 41, 39, 42]);

        Assert.True(double.IsNegativeInfinity(drift.Z));
    }

    private static Drift Scan(int[] days, int capacity = 28)
    {
        var ring = new ActiveDayRing(capacity);
        for (var d = 0; d < days.Length; d++)
        {
            ring.Add(d, (float)Math.Log(1 + days[d]));
        }

        return DriftJudge.Scan(ring, minOwnDays: 5, minRecentDays: 4, daySpread: 0.3, ownSpreadWeight: 0.5, minSpread: 0.25, new double[DriftJudge.ScratchLength(capacity)]);
    }
}
