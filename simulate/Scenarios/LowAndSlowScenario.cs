using LogSentinel.Simulate.Events;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate.Scenarios;

/// <summary>
/// Quiet scraping: a mid-volume officer looks up more than usual every working day for weeks, from the usual desk
/// and browser, never enough to stand out on a single day. Intensities follow the issue's own description ("three
/// times its usual volume for weeks"): 2x for two weeks (low), 2.5x for two weeks (medium), 3x for three weeks (high).
/// The first definition (1.35x / 1.6x / 1.9x for 5 / 10 / 20 days) put low within an officer's own day-to-day spread
/// over three working days, out of reach of any test at our false-alert limit; docs/detection-quality.md compares both.
/// </summary>
internal sealed class LowAndSlowScenario : IScenario
{
    public ScenarioKind Kind => ScenarioKind.LowAndSlow;

    public void Plan(ScenarioPlanner planner)
    {
        var calendar = planner.Calendar;
        var account = planner.TargetAccount(a => a.Pattern == WorkPattern.Office && a.DailyMean is >= 10 and <= 40);
        var length = planner.By(14, 14, 20);
        // A third of the way in, after a day of history when there is one (a one-day world starts on day 0).
        var from = planner.StartDay(planner.NextWorkingDay(Math.Min(Math.Max(calendar.Days / 3, 1), calendar.Days - 1)));
        var to = Math.Min(calendar.Days - 1, from + length - 1);
        account.BoostFromDay = from;
        account.BoostToDay = to;
        account.BoostFactor = planner.By(2.0, 2.5, 3.0);
        account.DailyMean = Math.Max(account.DailyMean, 10);
        for (var d = from; d <= to; d++)
        {
            account.Leave[d] = false;
        }

        planner.AddLabel("account", account.Name, calendar.DayStartMs(from), calendar.DayStartMs(to + 1) - 1);
    }

    public void Generate(EventBuffer buffer)
    {
        // Nothing of its own: the owner's benign days are boosted inside the window.
    }
}
