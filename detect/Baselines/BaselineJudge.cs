namespace LogSentinel.Detect.Baselines;

/// <summary>
/// Compares an entity's newest active day, and its recent window of active days, with the robust baseline of the
/// older days in its ring, blended with its peer group's level while its own history is short:
/// <c>w = n / (n + BlendDays)</c>, expected = w * own median + (1 - w) * peer median; the standard error combines the
/// day-to-day spread (own MAD, at least <c>MinSpread</c>) over the recent and baseline days with the peers' spread
/// weighted by (1 - w), so a new account is judged from its first day but only for gross excess. Peers count from
/// the day before (their level is the same for every member judged on a day) and once they have enough member-days.
/// </summary>
internal static class BaselineJudge
{
    public static Judgement Judge(ActiveDayRing ring, int today, int recentWindowDays, PeerGroups peers, int group, BaselineOptions options, Span<double> scratch)
    {
        // The ring already holds today as its newest entry.
        var recent = 0;
        var recentSum = 0.0;
        var firstRecent = today;
        while (recent < ring.Count)
        {
            var (day, value) = ring.Newest(recent);
            if (day <= today - recentWindowDays)
            {
                break;
            }

            recentSum += value;
            firstRecent = day;
            recent++;
        }

        var own = ring.Count - recent;
        var ownMedian = double.NaN;
        var ownSpread = options.DefaultSpread;
        if (own > 0)
        {
            var values = scratch[..own];
            for (var i = 0; i < own; i++)
            {
                values[i] = ring.Newest(recent + i).Value;
            }

            ownMedian = RobustStats.Median(values);
            if (own >= 3)
            {
                ownSpread = RobustStats.MadToSigma * RobustStats.Mad(values, ownMedian);
            }
        }

        var (peerMedian, peerSpread, peerCount) = group >= 0 ? peers.Level(group, scratch, today) : (double.NaN, double.NaN, 0);
        if (peerCount < options.MinPeerSamples)
        {
            peerCount = 0;
        }

        double weight;
        if (peerCount == 0)
        {
            weight = 1;
        }
        else if (own == 0)
        {
            weight = 0;
        }
        else
        {
            weight = own / (own + options.BlendDays);
        }

        if (own == 0 && peerCount == 0)
        {
            return new Judgement(double.NaN, double.NaN, 0, 0, recent, recentSum / Math.Max(recent, 1), firstRecent, 0, 0);
        }

        var expected = weight >= 1 ? ownMedian : weight <= 0 ? peerMedian : (weight * ownMedian) + ((1 - weight) * peerMedian);
        var spread = Math.Max(weight * ownSpread + ((1 - weight) * options.DefaultSpread), options.MinSpread);
        // What the peers' level cannot say about this entity: their spread beyond the usual day-to-day one.
        var peerWide = Math.Max(peerSpread, options.MinPeerSpread);
        var between = peerCount == 0 ? 0 : Math.Max(0, (peerWide * peerWide) - (options.DefaultSpread * options.DefaultSpread));
        var baseVariance = own == 0 ? 0 : weight * weight * spread * spread / own;
        var levelVariance = baseVariance + ((1 - weight) * (1 - weight) * between);
        var today0 = ring.Newest(0).Value;
        var todayZ = (today0 - expected) / Math.Sqrt((spread * spread) + levelVariance);
        var recentMean = recentSum / Math.Max(recent, 1);
        var sustainedZ = (recentMean - expected) / Math.Sqrt((spread * spread / Math.Max(recent, 1)) + levelVariance);
        return new Judgement(expected, spread, weight, own, recent, recentMean, firstRecent, todayZ, sustainedZ);
    }
}
