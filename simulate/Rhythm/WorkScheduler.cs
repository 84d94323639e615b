using LogSentinel.Simulate.Randomness;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate.Rhythm;

/// <summary>
/// Decides, once scenarios are planned, which days each owner works and on which of them the password is changed.
/// Done up front so every day can then be generated independently.
/// </summary>
internal static class WorkScheduler
{
    /// <summary>Benign owners never log in with a password older than this (the policy asks for a monthly change).</summary>
    public const int MaxBenignPasswordAge = 28;

    public static void Schedule(WorldModel world)
    {
        var calendar = world.Calendar;
        foreach (var account in world.Accounts)
        {
            var rota = SeedMixer.Stream(world.Seed, StreamPurpose.World, (ulong)account.Index, 0x524F5441);
            for (var d = 0; d < calendar.Days; d++)
            {
                account.Works[d] = d <= account.LastWorkDay && !account.Leave[d] && WorksOn(account, calendar, d, rota);
            }

            SchedulePasswordChanges(account, calendar.Days);
        }
    }

    private static bool WorksOn(Account account, SimCalendar calendar, int day, Prng rota)
    {
        // Draw every day so the rota stream stays aligned regardless of which branch is taken.
        var draw = rota.NextDouble();
        return account.Pattern switch
        {
            WorkPattern.Service => true,
            WorkPattern.Office => calendar.IsWorkingDay(day),
            WorkPattern.OneStop => calendar.IsWorkingDay(day)
                || (calendar.DayOfWeek(day) == DayOfWeek.Saturday && !calendar.IsHoliday(day) && draw < 0.5),
            WorkPattern.NightShift => (day % 3) == account.Rotation
                && (!calendar.IsHoliday(day) || draw < (calendar.IsTet(day) ? 0.1 : 0.4)),
            _ => false,
        };
    }

    private static void SchedulePasswordChanges(Account account, int days)
    {
        var last = account.PasswordChangedOn;
        for (var d = 0; d < days; d++)
        {
            if (!account.Works[d] || account.IsWeakOn(d))
            {
                continue;
            }

            var next = d + 1;
            while (next < days && !account.Works[next])
            {
                next++;
            }

            // Change when due, or now if the next working day would find the password past the policy.
            var nextAge = next < days ? next - last : 0;
            if (d - last >= account.PasswordPeriod || nextAge > MaxBenignPasswordAge)
            {
                account.PasswordChanges[d] = true;
                last = d;
            }
        }
    }

    /// <summary>Password age reported by a login of <paramref name="account"/> on <paramref name="day"/>, before any change that day.</summary>
    public static int PasswordAge(Account account, int day)
    {
        if (account.IsWeakOn(day))
        {
            return account.WeakAgeAtStart + day;
        }

        var last = account.PasswordChangedOn;
        for (var d = 0; d < day; d++)
        {
            if (account.PasswordChanges[d])
            {
                last = d;
            }
        }

        return day - last;
    }
}
