using LogSentinel.Simulate.Events;
using LogSentinel.Simulate.Randomness;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate.Rhythm;

/// <summary>
/// Spreads a number of human lookups over a time window with log-normal think times, mostly unrelated ids and now
/// and then a household looked up member after member. Owns scratch arrays, so one instance per worker.
/// </summary>
internal sealed class LookupRun
{
    private const double HouseholdChance = 0.07;

    private double[] _gaps = new double[256];
    private long[] _ids = new long[256];

    public void Emit(Prng rng, EventBuffer buffer, Account account, uint ip, int userAgent, ulong session, long fromMs, long toMs, int count)
    {
        if (count <= 0 || toMs <= fromMs)
        {
            return;
        }

        if (_gaps.Length <= count)
        {
            _gaps = new double[count * 2];
            _ids = new long[count * 2];
        }

        var span = (double)(toMs - fromMs);
        var meanGap = span / (count + 1);
        var home = account.Agency.Province.CitizenCode;
        var householdLeft = 0;
        var head = 0L;
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            double gap;
            if (householdLeft > 0)
            {
                householdLeft--;
                gap = rng.Uniform(6_000, 40_000);
                _ids[i] = CitizenIds.Relative(rng, head);
            }
            else
            {
                gap = Math.Max(3_000, rng.LogNormal(meanGap * 0.7, 0.9));
                _ids[i] = CitizenIds.Next(rng, home);
                if (rng.Chance(HouseholdChance))
                {
                    head = _ids[i];
                    householdLeft = rng.Next(1, 5);
                }
            }

            _gaps[i] = gap;
            sum += gap;
        }

        // Squeeze into the window when the think times overrun it; never stretch, idle time is realistic.
        var scale = sum > span ? span / sum : 1.0;
        var t = (double)fromMs;
        for (var i = 0; i < count; i++)
        {
            t += _gaps[i] * scale;
            buffer.AddLookup(rng, (long)t, account, ip, userAgent, session, _ids[i]);
        }
    }
}
