using LogSentinel.Simulate.Events;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate.Scenarios;

/// <summary>
/// Quiet scraping: a mid-volume officer looks up somewhat more than usual every working day for days or weeks,
/// from the usual desk and browser, never enough to stand out on a single day.
/// </summary>
internal sealed class LowAndSlowScenario : IScenario
{
    public ScenarioKind Kind => ScenarioKind.LowAndSlow;

    public void Plan(ScenarioPlanner planner)
    {
        var calendar = planner.Calendar;
        var account = planner.TargetAccount(a => a.Pattern == WorkPattern.Office && a.DailyMean is >= 10 and <= 40);
        var length = planner.By(5, 10, 20);
        // A third of the way in, after a day of history when there is one (a one-day world starts on day 0).
        var from = planner.StartDay(planner.NextWorkingDay(Math.Min(Math.Max(calendar.Days / 3, 1), calendar.Days - 1)));
        var to = Math.Min(calendar.Days - 1, from + length - 1);
        account.BoostFromDay = from;
        account.BoostToDay = to;
        account.BoostFactor = planner.By(1.35, 1.6, 1.9);
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
