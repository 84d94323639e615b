namespace LogSentinel.Detect.Baselines;

/// <summary>How one entity's day compares with its blended baseline (log scale: log(1 + lookups)).</summary>
/// <param name="Expected">Expected log lookups per active day: own median blended with the peer group's.</param>
/// <param name="Spread">Day-to-day spread (log scale) used.</param>
/// <param name="OwnWeight">Weight of the entity's own history in the blend (0 = peers only).</param>
/// <param name="OwnDays">Days of own history before the recent window.</param>
/// <param name="RecentDays">Active days in the recent window, today included.</param>
/// <param name="RecentMean">Mean log lookups over the recent window.</param>
/// <param name="FirstRecentDay">Local day number of the oldest day of the recent window.</param>
/// <param name="TodayZ">How many standard errors today lies above the expectation.</param>
/// <param name="SustainedZ">How many standard errors the recent window's mean lies above the expectation.</param>
internal readonly record struct Judgement(
    double Expected, double Spread, double OwnWeight, int OwnDays, int RecentDays, double RecentMean, int FirstRecentDay, double TodayZ, double SustainedZ)
{
    /// <summary>Expected lookups per active day, back from the log scale.</summary>
    public double ExpectedLookups => Math.Exp(Expected) - 1;

    /// <summary>Mean lookups per active day of the recent window (geometric), back from the log scale.</summary>
    public double RecentLookups => Math.Exp(RecentMean) - 1;
}
