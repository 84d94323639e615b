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
                AddRecord(records, kind, id, context);
            }
        }

        return records;
    }

    /// <summary>The baselines of the entities that judged a day since the last call, so they reach the store at day close.</summary>
    internal IReadOnlyList<EntityBaselineRecord> DrainChanged(DetectionContext context)
    {
        var records = new List<EntityBaselineRecord>(_changed.Count);
        foreach (var entity in _changed)
        {
            AddRecord(records, entity % 3, entity / 3, context);
        }

        _changed.Clear();
        _changedSet.Clear();
        return records;
    }

    private void AddRecord(List<EntityBaselineRecord> records, int kind, int id, DetectionContext context)
    {
        var s = _states[kind].Find(id);
        if (s is null || s.ProfileDays == 0)
        {
            return;
        }

        var group = s.PeerGroup >= 0 ? _peers!.Name(s.PeerGroup) : string.Empty;
        var name = Name(kind, id, context);
        var agency = kind switch
        {
            KindAccount => context.Entities.AgencyOf(id, -1),
            KindIp => context.Entities.NetworkAgency(id) ?? string.Empty,
            _ => name,
        };
        var profile = Profile(s, context.Options.Baselines);
        records.Add(new EntityBaselineRecord(KindName(kind), name, agency, group, (uint)(s.Working.Count + s.DaysOff.Count),
            DateTimeOffset.FromUnixTimeMilliseconds(s.LastDayEndMs).UtcDateTime, profile));
    }

    private string Profile(BehaviourState s, BaselineOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteKind(json, "working_days", s.Working, s.PeerGroup, options);
            WriteKind(json, "days_off", s.DaysOff, s.PeerGroup, options);
            WriteHourOfWeek(json, s.HourOfWeek);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Median and MAD of lookups per weekday (Monday first) and per hour of the week (168 values, Monday 00:00 local first).</summary>
    private void WriteHourOfWeek(Utf8JsonWriter json, HourOfWeekRing ring)
    {
        json.WriteStartObject("day_of_week");
        json.WriteStartArray("active_days");
        for (var d = 0; d < HourOfWeekRing.Weekdays; d++)
        {
            json.WriteNumberValue(ring.Seen(d));
        }

        json.WriteEndArray();
        WriteSeries(json, ring, day: true);
        json.WriteEndObject();
        json.WriteStartObject("hour_of_week");
        WriteSeries(json, ring, day: false);
        json.WriteEndObject();
    }

    private void WriteSeries(Utf8JsonWriter json, HourOfWeekRing ring, bool day)
    {
        foreach (var median in (ReadOnlySpan<bool>)[true, false])
        {
            json.WriteStartArray(median ? "median_lookups" : "mad_lookups");
            for (var d = 0; d < HourOfWeekRing.Weekdays; d++)
            {
                for (var h = 0; h < (day ? 1 : HourOfWeekRing.Hours); h++)
                {
                    var (m, spread) = day ? ring.Day(d, _scratch) : ring.Hour(d, h, _scratch);
                    var v = median ? m : spread;
                    if (double.IsNaN(v))
                    {
                        json.WriteNullValue();
                    }
                    else
                    {
                        json.WriteNumberValue(Math.Round(v, 2));
                    }
                }
            }

            json.WriteEndArray();
        }
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
