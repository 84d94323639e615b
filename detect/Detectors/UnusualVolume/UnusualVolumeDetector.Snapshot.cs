using System.Buffers;
using System.Text;
using System.Text.Json;
using LogSentinel.Detect.Baselines;
using LogSentinel.Detect.Engine;
using LogSentinel.Store.Baselines;

namespace LogSentinel.Detect.Detectors.UnusualVolume;

/// <summary>Every entity's baseline as the store keeps it, for the API and the report.</summary>
internal sealed partial class UnusualVolumeDetector
{
    internal IReadOnlyList<EntityBaselineRecord> Snapshot(DetectionContext context)
    {
        var records = new List<EntityBaselineRecord>();
        if (_calendar is null)
        {
            return records;
        }

        var options = context.Options.Baselines;
        for (var kind = 0; kind < _states.Length; kind++)
        {
            var count = kind switch
            {
                KindAccount => context.Entities.Accounts.Count,
                KindIp => context.Entities.Ips.Count,
                _ => context.Entities.Agencies.Count,
            };
            for (var id = 0; id < count; id++)
            {
                var s = _states[kind].Find(id);
                if (s is null || s.ProfileDays == 0)
                {
                    continue;
                }

                var group = s.PeerGroup >= 0 ? _peers!.Name(s.PeerGroup) : string.Empty;
                var name = Name(kind, id, context);
                var agency = kind switch
                {
                    KindAccount => context.Entities.AgencyOf(id, -1),
                    KindIp => context.Entities.NetworkAgency(id) ?? string.Empty,
                    _ => name,
                };
                var profile = Profile(s, options);
                records.Add(new EntityBaselineRecord(KindName(kind), name, agency, group, (uint)(s.Working.Count + s.DaysOff.Count),
                    DateTimeOffset.FromUnixTimeMilliseconds(s.LastDayEndMs).UtcDateTime, profile));
            }
        }

        return records;
    }

    private string Profile(BehaviourState s, BaselineOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteKind(json, "working_days", s.Working, s.PeerGroup, options);
            WriteKind(json, "days_off", s.DaysOff, s.PeerGroup, options);
            json.WriteStartArray("hourly_lookups_working_day");
            for (var h = 0; h < 24; h++)
            {
                json.WriteNumberValue(Math.Round(s.HourlyProfile[h], 2));
            }

            json.WriteEndArray();
            json.WriteStartArray("hourly_lookups_day_off");
            for (var h = 24; h < 48; h++)
            {
                json.WriteNumberValue(Math.Round(s.HourlyProfile[h], 2));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private void WriteKind(Utf8JsonWriter json, string name, ActiveDayRing ring, int group, BaselineOptions options)
    {
        json.WriteStartObject(name);
        json.WriteNumber("own_days", ring.Count);
        var values = _scratch.AsSpan(0, ring.Count);
        for (var i = 0; i < ring.Count; i++)
        {
            values[i] = ring.Newest(i).Value;
        }

        var ownMedian = double.NaN;
        if (ring.Count > 0)
        {
            ownMedian = RobustStats.Median(values);
            var spread = ring.Count >= 3 ? RobustStats.MadToSigma * RobustStats.Mad(values, ownMedian) : options.DefaultSpread;
            json.WriteNumber("own_median_lookups", Math.Round(Math.Exp(ownMedian) - 1, 1));
            json.WriteNumber("own_spread_log", Math.Round(spread, 3));
        }

        var (peerMedian, _, peerCount) = group >= 0 ? _peers!.Level(group, _scratch) : (double.NaN, double.NaN, 0);
        peerCount = peerCount < options.MinPeerSamples ? 0 : peerCount;
        if (peerCount > 0)
        {
            json.WriteNumber("peer_median_lookups", Math.Round(Math.Exp(peerMedian) - 1, 1));
        }

        var weight = peerCount == 0 ? 1 : ring.Count / (ring.Count + options.BlendDays);
        var blended = peerCount == 0 ? ownMedian : ring.Count == 0 ? peerMedian : (weight * ownMedian) + ((1 - weight) * peerMedian);
        if (!double.IsNaN(blended))
        {
            json.WriteNumber("own_weight", Math.Round(weight, 3));
            json.WriteNumber("expected_lookups", Math.Round(Math.Exp(blended) - 1, 1));
        }

        json.WriteEndObject();
    }
}
