using LogSentinel.Simulate.Events;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate.Scenarios;

/// <summary>
/// Accounts still on the password they were issued, or on one far older than the monthly policy: their own owners'
/// logins report it (<c>default_password</c>, <c>password_age_days</c>) and they never change it in the window.
/// </summary>
internal sealed class WeakCredentialsScenario : IScenario
{
    public ScenarioKind Kind => ScenarioKind.WeakCredentials;

    public void Plan(ScenarioPlanner planner)
    {
        var calendar = planner.Calendar;
        var rng = planner.Random;
        var count = planner.Request.Target is null ? planner.By(2, 5, 12) : 1;
        var from = planner.StartDay(0);
        var to = calendar.Days - 1;
        for (var i = 0; i < count; i++)
        {
            var account = i == 0
                ? planner.TargetAccount(IsBusyOfficer)
                : planner.PickAccount(IsBusyOfficer);

            // Make sure the owner logs in during the window so the weak password shows.
            for (var d = from; d <= to; d++)
            {
                account.Leave[d] = false;
            }

            account.WeakFromDay = from;
            account.WeakToDay = to;
            account.WeakDefaultPassword = i % 2 == 0;
            account.WeakAgeAtStart = account.WeakDefaultPassword
                ? calendar.Start.DayNumber - account.StatusSince.DayNumber
                : rng.Next(60, 400);
            planner.AddLabel("account", account.Name, calendar.DayStartMs(from), calendar.DayStartMs(to + 1) - 1);
        }
    }

    public void Generate(EventBuffer buffer)
    {
        // Nothing of its own: the owners' benign logins carry the weak credentials.
    }

    private static bool IsBusyOfficer(Account a) =>
        a.Agency.Kind == AgencyKind.LandRegistration && a.Pattern != WorkPattern.NightShift && a.DailyMean >= 3;
}
