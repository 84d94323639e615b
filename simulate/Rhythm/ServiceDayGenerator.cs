using LogSentinel.Simulate.Events;
using LogSentinel.Simulate.Randomness;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate.Rhythm;

/// <summary>
/// A system-to-system integration: a token every six hours and lookups as a steady Poisson stream around the
/// clock, lower on weekends and holidays when the portals behind it are quiet.
/// </summary>
internal sealed class ServiceDayGenerator(WorldModel world)
{
    private const long TokenLifetime = 6 * SimCalendar.MsPerHour;

    public void Generate(Account account, EventBuffer buffer)
    {
        var day = buffer.Day;
        var calendar = world.Calendar;
        var rng = SeedMixer.Stream(world.Seed, StreamPurpose.Service, (ulong)account.Index, (ulong)day);
        var factor = calendar.IsTet(day) ? 0.12 : calendar.IsHoliday(day) ? 0.4 : calendar.IsWeekend(day) ? 0.55 : 1.0;
        var meanGap = SimCalendar.MsPerDay / (account.DailyMean * factor);
        var home = account.Agency.Province.CitizenCode;
        var age = WorkScheduler.PasswordAge(account, day);
        for (var slot = 0; slot < 4; slot++)
        {
            var slotStart = buffer.DayStartMs + (slot * TokenLifetime);
            var slotEnd = slotStart + TokenLifetime;
            var session = SessionIds.For(world.Seed, (ulong)account.Index, day, slot);
            var login = slotStart + rng.Next(0, 1_500);
            buffer.AddLogin(rng, login, account, account.HomeIp, account.UserAgent, session, age, defaultPassword: false);
            if (slot == 0 && account.PasswordChanges[day])
            {
                // Credential rotation by the integration itself, right after the first token of the day.
                buffer.AddPasswordChange(rng, login + 2_000, account, account.HomeIp, account.UserAgent, session);
                age = 0;
            }

            var t = login + rng.Exponential(meanGap);
            while (t < slotEnd)
            {
                buffer.AddLookup(rng, (long)t, account, account.HomeIp, account.UserAgent, session, CitizenIds.Next(rng, home, 0.85));
                t += rng.Exponential(meanGap);
            }
        }
    }
}
