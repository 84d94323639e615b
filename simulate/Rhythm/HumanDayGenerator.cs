using LogSentinel.Simulate.Events;
using LogSentinel.Simulate.Randomness;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate.Rhythm;

/// <summary>
/// One staff account's benign day: office hours with a lunch dip, Saturday mornings at one-stop centres,
/// police night shifts, delegated use during leave, logins (sometimes after a typo), password changes and logouts.
/// </summary>
internal sealed class HumanDayGenerator(WorldModel world)
{
    private const long Minute = SimCalendar.MsPerMinute;
    private const long Hour = SimCalendar.MsPerHour;
    private const ulong DelegatedSalt = 1UL << 32;
    private const ulong ShiftSalt = 2UL << 32;

    private readonly LookupRun _run = new();

    public void Generate(Account account, EventBuffer buffer)
    {
        var day = buffer.Day;
        if (account.Pattern == WorkPattern.NightShift)
        {
            // A shift crosses midnight: both days generate it from the same stream and each keeps its own part.
            if (day > 0 && account.Works[day - 1])
            {
                NightShift(account, day - 1, buffer);
            }

            if (account.Works[day])
            {
                NightShift(account, day, buffer);
            }

            return;
        }

        if (account.Works[day])
        {
            var rng = SeedMixer.Stream(world.Seed, StreamPurpose.Human, (ulong)account.Index, (ulong)day);
            OfficeDay(rng, account, buffer, account.HomeIp, account.UserAgent, 1.0, changePassword: account.PasswordChanges[day], 0);
        }

        var delegation = account.DelegationOn(day);
        if (delegation is not null && world.Calendar.IsWorkingDay(day))
        {
            // The colleague named in the delegation works the account from their own desk while the owner is away.
            var rng = SeedMixer.Stream(world.Seed, StreamPurpose.Human, (ulong)account.Index, (ulong)(uint)day | DelegatedSalt);
            var colleague = delegation.Delegate;
            OfficeDay(rng, account, buffer, colleague.HomeIp, colleague.UserAgent, 0.5, changePassword: false, 4);
        }
    }

    private void OfficeDay(Prng rng, Account account, EventBuffer buffer, uint ip, int userAgent, double share, bool changePassword, int sessionBase)
    {
        var day = buffer.Day;
        var midnight = buffer.DayStartMs;
        var saturday = world.Calendar.DayOfWeek(day) == DayOfWeek.Saturday;
        var weekday = world.Calendar.DayOfWeek(day) switch
        {
            DayOfWeek.Monday => 1.15,
            DayOfWeek.Friday => 0.9,
            DayOfWeek.Saturday => 0.45,
            _ => 1.0,
        };
        var mean = account.DailyMean * share * weekday * rng.LogNormal(1.0, 0.3);
        if (day >= account.BoostFromDay && day <= account.BoostToDay)
        {
            mean *= account.BoostFactor;
        }

        var count = rng.Poisson(mean);
        var morningStart = midnight + (7 * Hour) + (30 * Minute) + rng.Next(0, 45 * (int)Minute);
        var morningEnd = midnight + (11 * Hour) + (15 * Minute) + rng.Next(0, 30 * (int)Minute);
        var afternoonStart = midnight + (13 * Hour) + (30 * Minute) + rng.Next(0, 30 * (int)Minute);
        var afternoonEnd = midnight + (16 * Hour) + (30 * Minute) + rng.Next(0, 50 * (int)Minute);
        var passwordAge = WorkScheduler.PasswordAge(account, day);
        var defaultPassword = account.IsWeakOn(day) && account.WeakDefaultPassword;

        if (saturday)
        {
            var s = SessionIds.For(world.Seed, (ulong)account.Index, day, sessionBase);
            Login(rng, account, buffer, ip, userAgent, s, morningStart, passwordAge, defaultPassword, changePassword);
            _run.Emit(rng, buffer, account, ip, userAgent, s, morningStart + 30_000, morningEnd, count);
            Logout(rng, account, buffer, ip, userAgent, s, morningEnd + 20_000);
            return;
        }

        var morningShare = (double)(morningEnd - morningStart) / ((morningEnd - morningStart) + (afternoonEnd - afternoonStart));
        var morningCount = (int)Math.Round(count * morningShare);
        if (account.SessionOverLunch)
        {
            // One session all day; a trickle of lookups over lunch is the dip, not a gap.
            var lunch = count / 30;
            var s = SessionIds.For(world.Seed, (ulong)account.Index, day, sessionBase);
            Login(rng, account, buffer, ip, userAgent, s, morningStart, passwordAge, defaultPassword, changePassword);
            _run.Emit(rng, buffer, account, ip, userAgent, s, morningStart + 30_000, morningEnd, morningCount);
            _run.Emit(rng, buffer, account, ip, userAgent, s, morningEnd, afternoonStart, lunch);
            _run.Emit(rng, buffer, account, ip, userAgent, s, afternoonStart, afternoonEnd, count - morningCount - lunch);
            Logout(rng, account, buffer, ip, userAgent, s, afternoonEnd + 20_000);
            return;
        }

        var first = SessionIds.For(world.Seed, (ulong)account.Index, day, sessionBase);
        Login(rng, account, buffer, ip, userAgent, first, morningStart, passwordAge, defaultPassword, changePassword);
        _run.Emit(rng, buffer, account, ip, userAgent, first, morningStart + 30_000, morningEnd, morningCount);
        Logout(rng, account, buffer, ip, userAgent, first, morningEnd + 20_000);

        var second = SessionIds.For(world.Seed, (ulong)account.Index, day, sessionBase + 1);
        Login(rng, account, buffer, ip, userAgent, second, afternoonStart, passwordAge, defaultPassword, changePassword: false);
        _run.Emit(rng, buffer, account, ip, userAgent, second, afternoonStart + 30_000, afternoonEnd, count - morningCount);
        Logout(rng, account, buffer, ip, userAgent, second, afternoonEnd + 20_000);
    }

    private void NightShift(Account account, int shiftDay, EventBuffer buffer)
    {
        var rng = SeedMixer.Stream(world.Seed, StreamPurpose.Human, (ulong)account.Index, (ulong)(uint)shiftDay | ShiftSalt);
        var start = world.Calendar.DayStartMs(shiftDay) + (22 * Hour) + rng.Next(0, 20 * (int)Minute);
        var end = start + (8 * Hour) - rng.Next(0, 30 * (int)Minute);
        var count = rng.Poisson(account.DailyMean * 0.8 * rng.LogNormal(1.0, 0.3));
        var session = SessionIds.For(world.Seed, (ulong)account.Index, shiftDay, 8);
        var age = WorkScheduler.PasswordAge(account, shiftDay);
        var defaultPassword = account.IsWeakOn(shiftDay) && account.WeakDefaultPassword;
        Login(rng, account, buffer, account.HomeIp, account.UserAgent, session, start, age, defaultPassword, account.PasswordChanges[shiftDay]);
        _run.Emit(rng, buffer, account, account.HomeIp, account.UserAgent, session, start + 30_000, end, count);
        Logout(rng, account, buffer, account.HomeIp, account.UserAgent, session, end + 20_000);
    }

    private static void Login(Prng rng, Account account, EventBuffer buffer, uint ip, int userAgent, ulong session, long at,
        int passwordAge, bool defaultPassword, bool changePassword)
    {
        if (rng.Chance(account.TypoRate))
        {
            buffer.AddLoginFailed(rng, at - rng.Next(4_000, 30_000), account, ip, userAgent);
        }

        buffer.AddLogin(rng, at, account, ip, userAgent, session, passwordAge, defaultPassword);
        if (changePassword)
        {
            buffer.AddPasswordChange(rng, at + rng.Next(5_000, 25_000), account, ip, userAgent, session);
        }
    }

    private static void Logout(Prng rng, Account account, EventBuffer buffer, uint ip, int userAgent, ulong session, long at)
    {
        // Some officers just close the browser and let the session expire.
        if (rng.Chance(0.85))
        {
            buffer.AddLogout(rng, at + rng.Next(0, 60_000), account, ip, userAgent, session);
        }
    }
}
