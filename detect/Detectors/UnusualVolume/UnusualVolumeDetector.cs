using System.Globalization;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Baselines;
using LogSentinel.Detect.Calendar;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Model;
using LogSentinel.Detect.Windows;
using LogSentinel.Store.Models;

namespace LogSentinel.Detect.Detectors.UnusualVolume;

/// <summary>
/// <c>unusual_volume</c> (account, ip or agency): each entity's citizen lookups per local day against its behavioural
/// baseline (its own active days of the same kind, blended with its peer group while its history is short). Raised
/// when the recent active days are together clearly above the baseline (quiet scraping: a few tens of percent more
/// every day for days), when a single day is far above it, or when a promoted model scores the day's feature window
/// as anomalous. Every closed day also becomes a feature window for training and is scored by models in shadow.
/// </summary>
internal sealed partial class UnusualVolumeDetector(BehaviourModels models, BehaviourRecorder recorder) : Detector
{
    private const int KindAccount = 0;
    private const int KindIp = 1;
    private const int KindAgency = 2;
    private const int SequentialDelta = 10;

    private readonly EntityStates<BehaviourState>[] _states = new EntityStates<BehaviourState>[3];
    private readonly float[] _features = new float[BehaviourFeatures.Count];
    private readonly float[] _standardized = new float[BehaviourFeatures.Count];
    private PeerGroups? _peers;
    private WorkingCalendar? _calendar;
    private double[] _scratch = [];
    private long _offsetMs;
    private int _historyDays;
    private int _hourOfWeekWeeks;

    /// <summary>Entities (id * 3 + kind) whose baseline changed, in the order of their first change since the last drain.</summary>
    private readonly List<int> _changed = [];
    private readonly HashSet<int> _changedSet = [];

    public override string Type => AlertTypes.UnusualVolume;

    internal BehaviourModels Models => models;

    public override void OnApp(in AppEvent e, DetectionContext context)
    {
        if (e.Kind != AppEventKind.CitizenLookup)
        {
            return;
        }

        EnsureReady(context);
        var day = _calendar!.LocalDay(e.TimestampMs);
        var offHours = !_calendar.IsWorkingTime(e.TimestampMs);
        var hour = (int)(((e.TimestampMs + _offsetMs) % WindowSizes.Day + WindowSizes.Day) % WindowSizes.Day / WindowSizes.Hour);
        if (e.Account >= 0)
        {
            Lookup(Counters(KindAccount, e.Account, day, context), in e, offHours, hour, e.Ip);
        }

        if (e.Ip >= 0)
        {
            Lookup(Counters(KindIp, e.Ip, day, context), in e, offHours, hour, e.Account);
        }

        if (e.Agency >= 0)
        {
            Lookup(Counters(KindAgency, e.Agency, day, context), in e, offHours, hour, e.Account);
        }
    }

    public override void OnGateway(in GatewayEvent e, DetectionContext context)
    {
        if (e.Account < 0)
        {
            return;
        }

        EnsureReady(context);
        var day = _calendar!.LocalDay(e.TimestampMs);
        var script = context.Entities.UserAgentClass(e.UserAgent) == UserAgentClass.Script;
        Request(Counters(KindAccount, e.Account, day, context), in e, script);
        if (e.Ip >= 0)
        {
            Request(Counters(KindIp, e.Ip, day, context), in e, script);
        }

        if (e.Agency >= 0)
        {
            Request(Counters(KindAgency, e.Agency, day, context), in e, script);
        }
    }

    public override void OnWindowClosed(int entity, long due, DetectionContext context)
    {
        var kind = entity % 3;
        var id = entity / 3;
        var state = _states[kind].Get(id);
        var day = _calendar!.LocalDay(due - 1);
        var counters = state.Open[day & 1];
        if (counters.Day != day)
        {
            return;
        }

        if (counters.Lookups > 0)
        {
            Judge(kind, id, state, counters, due, context);
        }

        counters.Day = int.MinValue;
    }

    private void EnsureReady(DetectionContext context)
    {
        if (_calendar is not null)
        {
            return;
        }

        // No lambda here captures a local: the closure would be allocated on every call, even when returning early.
        var options = context.Options.Baselines;
        _historyDays = options.HistoryDays;
        _hourOfWeekWeeks = options.HourOfWeekWeeks;
        _calendar = new WorkingCalendar(context.Options.OffHours, context.Options.LocalOffset);
        _offsetMs = (long)context.Options.LocalOffset.TotalMilliseconds;
        _peers = new PeerGroups(options.PeerSamples);
        _scratch = new double[Math.Max(Math.Max(DriftJudge.ScratchLength(options.HistoryDays), options.PeerSamples), options.HourOfWeekWeeks)];
        for (var k = 0; k < _states.Length; k++)
        {
            _states[k] = new EntityStates<BehaviourState>(CreateState);
        }
    }

    private BehaviourState CreateState() => new(_historyDays, _hourOfWeekWeeks);

    private DayCounters? Counters(int kind, int id, int day, DetectionContext context)
    {
        var state = _states[kind].Get(id);
        var counters = state.Open[day & 1];
        if (counters.Day != day)
        {
            if (counters.Day > day)
            {
                return null;
            }

            counters.Reset(day);
            context.CloseAt(this, (id * 3) + kind, DayEndMs(day));
        }

        return counters;
    }

    private static void Lookup(DayCounters? c, in AppEvent e, bool offHours, int hour, int peer)
    {
        if (c is null)
        {
            return;
        }

        c.Lookups++;
        c.Hours[hour]++;
        if (offHours)
        {
            c.OffHours++;
        }

        if (e.Result == LookupOutcome.NotFound)
        {
            c.NotFound++;
        }

        if (e.HasIdDelta)
        {
            c.WithDelta++;
            if (Math.Abs(e.IdDelta) <= SequentialDelta)
            {
                c.Sequential++;
            }
        }

        if (e.CitizenRef != 0)
        {
            var bit = (int)(e.CitizenRef & 511);
            c.Citizens[bit >> 6] |= 1UL << (bit & 63);
        }

        if (e.Province is >= 0 and < 128)
        {
            c.Provinces[e.Province >> 6] |= 1UL << (e.Province & 63);
        }

        if (c.LastLookupMs != long.MinValue)
        {
            var gap = Math.Abs(e.TimestampMs - c.LastLookupMs) / 1000.0;
            // Pauses (lunch, the night) are not part of a pace.
            if (gap < 600)
            {
                c.Gaps++;
                c.GapSum += gap;
                c.GapSumSquares += gap * gap;
            }
        }

        c.LastLookupMs = e.TimestampMs;
        c.AddPeer(peer);
    }

    private static void Request(DayCounters? c, in GatewayEvent e, bool script)
    {
        if (c is null)
        {
            return;
        }

        c.Requests++;
        if (script)
        {
            c.ScriptRequests++;
        }

        if (e.Status >= 500)
        {
            c.ServerErrors++;
        }
    }

    private long DayEndMs(int day) => ((long)(day + 1 - WorkingCalendar.UnixEpochDayNumber) * WindowSizes.Day) - _offsetMs;

    private long DayStartMs(int day) => DayEndMs(day - 1);

    private DateTimeOffset Local(int day, DetectionContext context) => context.Local(DayStartMs(day));

    private void Judge(int kind, int id, BehaviourState state, DayCounters c, long due, DetectionContext context)
    {
        var options = context.Options.UnusualVolume;
        var working = _calendar!.IsWorkingDay(c.Day);
        var ring = working ? state.Working : state.DaysOff;
        var x = (float)Math.Log(1 + c.Lookups);
        ring.Add(c.Day, x);
        if (state.PeerGroup == -1)
        {
            state.PeerGroup = PeerGroupOf(kind, id, context);
        }

        var group = state.PeerGroup;
        var j = BaselineJudge.Judge(ring, c.Day, options.RecentWindowDays, _peers!, group, context.Options.Baselines, _scratch);
        if (group >= 0)
        {
            _peers!.Learn(group, c.Day, x);
        }

        Learn(kind, id, state, c, due);
        Fill(c, j);
        var name = Name(kind, id, context);
        var kindName = KindName(kind);
        var windowStart = DateTimeOffset.FromUnixTimeMilliseconds(DayStartMs(c.Day)).UtcDateTime;
        if (options.RecordWindows)
        {
            recorder.Windows.Add(new ModelWindowRecord(kindName, name, windowStart, (float[])_features.Clone()));
        }

        foreach (var shadow in models.Shadow)
        {
            var s = shadow.Score(_features, _standardized);
            recorder.Scores.Add(new ModelScoreRecord(shadow.Id, kindName, name, windowStart, s, s >= shadow.Threshold));
        }

        if (double.IsNaN(j.Expected))
        {
            return;
        }

        var recentRatio = Math.Exp(j.RecentMean - j.Expected);
        var sustained = j.OwnDays >= options.MinOwnDays && j.RecentDays >= options.MinRecentDays && j.SustainedZ >= options.SustainedZ && recentRatio >= options.MinSustainedRatio;
        var dayRatio = (c.Lookups + 1) / (j.ExpectedLookups + 1);
        var single = c.Lookups >= options.MinDayLookups && j.TodayZ >= options.DayZ && dayRatio >= options.MinDayRatio;
        var promoted = models.Promoted;
        var modelScore = promoted is null ? 0 : promoted.Score(_features, _standardized);
        var modelHit = promoted is not null && c.Lookups >= options.ModelMinLookups && modelScore >= promoted.Threshold;
        var drift = DriftOf(kind, ring, working, options, context.Options.Baselines);
        var drifting = drift.Z >= options.DriftZ && drift.Ratio >= options.DriftMinRatio;
        if (!sustained && !single && !modelHit && !drifting)
        {
            return;
        }

        Raise(kind, id, name, c, j, sustained, single, modelHit ? modelScore : double.NaN, drifting ? drift : Drift.None, due, context);
    }

    /// <summary>
    /// The strongest sustained shift of an account's working days against its own frozen baseline. Only accounts:
    /// an address or agency sums many accounts, whose shifts (a colleague's leave, a new desk) are not one person's.
    /// </summary>
    private Drift DriftOf(int kind, ActiveDayRing ring, bool working, UnusualVolumeOptions options, BaselineOptions baselines) =>
        kind != KindAccount || !working || options.DriftZ <= 0
            ? Drift.None
            : DriftJudge.Scan(ring, options.MinOwnDays, options.DriftMinRecentDays, options.DriftDaySpread, options.DriftOwnSpreadWeight, baselines.MinSpread, _scratch);

    private void Learn(int kind, int id, BehaviourState state, DayCounters c, long due)
    {
        state.HourOfWeek.Add(HourOfWeekRing.WeekdayOf(c.Day), c.Hours);
        state.ProfileDays++;
        state.LastDayEndMs = due;
        MarkChanged((id * 3) + kind);
    }

    private void MarkChanged(int entity)
    {
        if (_changedSet.Add(entity))
        {
            _changed.Add(entity);
        }
    }

    private void Fill(DayCounters c, Judgement j)
    {
        var f = _features;
        var lookups = c.Lookups;
        var distinct = c.DistinctCitizens();
        f[BehaviourFeatures.LookupsLog] = (float)Math.Log(1 + lookups);
        f[BehaviourFeatures.DistinctCitizensLog] = (float)Math.Log(1 + distinct);
        f[BehaviourFeatures.SequentialIdShare] = Share(c.Sequential, c.WithDelta);
        f[BehaviourFeatures.GapVariation] = (float)c.GapVariation();
        f[BehaviourFeatures.ScriptClientShare] = Share(c.ScriptRequests, c.Requests);
        f[BehaviourFeatures.OffHoursShare] = Share(c.OffHours, lookups);
        f[BehaviourFeatures.DistinctPeersLog] = (float)Math.Log(1 + c.PeerCount);
        f[BehaviourFeatures.NotFoundShare] = Share(c.NotFound, lookups);
        f[BehaviourFeatures.ServerErrorShare] = Share(c.ServerErrors, c.Requests);
        f[BehaviourFeatures.ProvincesLog] = (float)Math.Log(1 + c.DistinctProvinces());
        var known = !double.IsNaN(j.Expected);
        f[BehaviourFeatures.LookupsVsBaseline] = known ? (float)(Math.Log(1 + lookups) - j.Expected) : 0;
        f[BehaviourFeatures.TodayZ] = known ? (float)Math.Clamp(j.TodayZ, -20, 50) : 0;
        f[BehaviourFeatures.RecentZ] = known ? (float)Math.Clamp(j.SustainedZ, -20, 50) : 0;
        f[BehaviourFeatures.CitizensVsBaseline] = known ? (float)(Math.Log(1 + distinct) - j.Expected) : 0;
    }

    /// <summary>A share shrunk towards zero on small counts (five pseudo-events), so one not-found lookup of two is no outlier.</summary>
    private static float Share(int part, int whole) => (float)part / (whole + 5);

    private int PeerGroupOf(int kind, int id, DetectionContext context)
    {
        var entities = context.Entities;
        string group;
        switch (kind)
        {
            case KindAccount:
                var record = entities.Account(id).Record;
                group = record is null ? "unregistered" : record.Role + "/" + AgencyKindOf(record.Agency);
                break;
            case KindIp:
                var agency = entities.NetworkAgency(id);
                group = "ip/" + (agency is null ? "unregistered" : AgencyKindOf(agency));
                break;
            default:
                group = "agency/" + AgencyKindOf(entities.Agencies.Name(id));
                break;
        }

        return _peers!.Intern(group);
    }

    /// <summary>The kind part of an agency code (<c>PROVINCE-KIND-DISTRICT</c>, e.g. <c>CCT</c>); the whole code when it has no such part.</summary>
    internal static string AgencyKindOf(string agency)
    {
        var parts = agency.Split('-');
        return parts.Length >= 3 ? parts[1] : agency;
    }

    private static string KindName(int kind) => kind switch
    {
        KindAccount => EntityKinds.Account,
        KindIp => EntityKinds.Ip,
        _ => EntityKinds.Agency,
    };

    private static string Name(int kind, int id, DetectionContext context) => kind switch
    {
        KindAccount => context.Entities.Accounts.Name(id),
        KindIp => context.Entities.Ips.Name(id),
        _ => context.Entities.Agencies.Name(id),
    };

    private void Raise(int kind, int id, string name, DayCounters c, Judgement j, bool sustained, bool single, double modelScore, Drift drift, long due, DetectionContext context)
    {
        var drifting = !double.IsNegativeInfinity(drift.Z);
        var options = context.Options.UnusualVolume;
        var promoted = models.Promoted;
        var expected = j.ExpectedLookups;
        var recent = j.RecentLookups;
        var features = new List<AlertFeature>();
        if (sustained)
        {
            features.Add(new AlertFeature("lookups_per_active_day_recent", Math.Round(recent, 1), Math.Round(expected * options.MinSustainedRatio, 1), "<"));
            features.Add(new AlertFeature("lookups_z_recent_days", Math.Round(j.SustainedZ, 2), options.SustainedZ, "<"));
        }

        if (drifting)
        {
            features.Add(new AlertFeature("lookups_per_active_day_since_shift", Math.Round(drift.RecentLookups, 1), Math.Round(drift.ExpectedLookups, 1), "<="));
            features.Add(new AlertFeature("lookups_z_since_shift", Math.Round(drift.Z, 2), options.DriftZ, "<"));
        }

        features.Add(new AlertFeature("lookups_today", c.Lookups, Math.Round(expected, 1), "<="));
        features.Add(new AlertFeature("lookups_z_today", Math.Round(j.TodayZ, 2), options.DayZ, "<"));
        if (!double.IsNaN(modelScore) && promoted is not null)
        {
            features.Add(new AlertFeature("model_score", Math.Round(modelScore, 1), Math.Round(promoted.Threshold, 1), "<"));
            AddTopContributions(features, promoted, 3);
        }

        var evidence = new AlertEvidence();
        evidence.Counts["lookups_today"] = c.Lookups;
        evidence.Counts["distinct_citizens_today"] = (long)Math.Round(c.DistinctCitizens());
        evidence.Counts["expected_lookups_per_day"] = (long)Math.Round(expected);
        evidence.Counts["recent_active_days"] = j.RecentDays;
        evidence.Counts["own_history_days"] = j.OwnDays;
        if (drifting)
        {
            evidence.Counts["active_days_since_shift"] = drift.RecentDays;
            evidence.Counts["baseline_days_before_shift"] = drift.OwnDays;
        }

        evidence.Counts["off_hours_lookups_today"] = c.OffHours;
        evidence.Counts["script_client_requests_today"] = c.ScriptRequests;
        if (promoted is not null)
        {
            evidence.Counts["model_id"] = promoted.Id;
        }

        for (var i = 0; i < c.PeerCount; i++)
        {
            var peer = c.Peers[i];
            if (kind != KindAccount)
            {
                evidence.Accounts.Add(context.Entities.Accounts.Name(peer));
            }
            else
            {
                evidence.Addresses.Add(context.Entities.Ips.Name(peer));
            }
        }

        var group = j.OwnWeight >= 1 || _peers is null || _states[kind].Get(id).PeerGroup < 0 ? string.Empty : _peers.Name(_states[kind].Get(id).PeerGroup);
        // The recent-days test keeps its window when it fires too, so alerts it raised before the drift test look the same.
        var firstDay = sustained ? j.FirstRecentDay : drifting ? drift.FirstDay : c.Day;
        var windowStart = DayStartMs(firstDay);
        var local = context.Local(DayStartMs(c.Day));
        var (what, whatVi) = kind switch
        {
            KindAccount => ($"Account {name}", $"Tài khoản {name}"),
            KindIp => ($"Address {name}", $"Địa chỉ {name}"),
            _ => ($"Agency {name}", $"Cơ quan {name}"),
        };
        var basis = group.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"its own {j.OwnDays} earlier active days")
            : string.Create(CultureInfo.InvariantCulture, $"its own {j.OwnDays} earlier active days blended with its peers ({group}, weight {1 - j.OwnWeight:0.##})");
        var basisVi = group.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{j.OwnDays} ngày hoạt động trước đó của chính nó")
            : string.Create(CultureInfo.InvariantCulture, $"{j.OwnDays} ngày hoạt động trước đó kết hợp với nhóm tương đồng ({group}, trọng số {1 - j.OwnWeight:0.##})");
        var why = drifting && !sustained
            ? string.Create(CultureInfo.InvariantCulture, $"on average {drift.RecentLookups:0.#} a day over the {drift.RecentDays} active working days since {Local(drift.FirstDay, context):yyyy-MM-dd}, {drift.Ratio:0.#} times the {drift.ExpectedLookups:0.#} a day of its {drift.OwnDays} working days before (z {drift.Z:0.#}); today {(c.Lookups + 1) / (expected + 1):0.#} times")
            : sustained
            ? string.Create(CultureInfo.InvariantCulture, $"on average {recent:0.#} a day over its last {j.RecentDays} active days, {recent / Math.Max(expected, 0.1):0.#} times")
            : string.Create(CultureInfo.InvariantCulture, $"{(c.Lookups + 1) / (expected + 1):0.#} times");
        var whyVi = drifting && !sustained
            ? string.Create(CultureInfo.InvariantCulture, $"trung bình {drift.RecentLookups:0.#} lượt mỗi ngày trong {drift.RecentDays} ngày làm việc kể từ {Local(drift.FirstDay, context):yyyy-MM-dd}, gấp {drift.Ratio:0.#} lần mức {drift.ExpectedLookups:0.#} lượt mỗi ngày của {drift.OwnDays} ngày làm việc trước đó (z {drift.Z:0.#}); hôm nay gấp {(c.Lookups + 1) / (expected + 1):0.#} lần")
            : sustained
            ? string.Create(CultureInfo.InvariantCulture, $"trung bình {recent:0.#} lượt mỗi ngày trong {j.RecentDays} ngày hoạt động gần nhất, gấp {recent / Math.Max(expected, 0.1):0.#} lần")
            : string.Create(CultureInfo.InvariantCulture, $"gấp {(c.Lookups + 1) / (expected + 1):0.#} lần");
        var model = double.IsNaN(modelScore) ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; model {promoted!.Id} scores the day {modelScore:0.#} against a threshold of {promoted.Threshold:0.#}");
        var modelVi = double.IsNaN(modelScore) ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; mô hình {promoted!.Id} chấm điểm ngày này {modelScore:0.#} so với ngưỡng {promoted.Threshold:0.#}");
        var en = string.Create(CultureInfo.InvariantCulture,
            $"{what} looked up {c.Lookups} citizens on {local:yyyy-MM-dd}, {why} its expected {expected:0.#} lookups a day (from {basis}){model}: a possible quiet collection of citizen data.");
        var vi = string.Create(CultureInfo.InvariantCulture,
            $"{whatVi} đã tra cứu {c.Lookups} công dân ngày {local:yyyy-MM-dd}, {whyVi} mức kỳ vọng {expected:0.#} lượt mỗi ngày (tính từ {basisVi}){modelVi}: dấu hiệu thu thập dữ liệu công dân âm thầm.");
        var strength = Math.Max(sustained ? j.SustainedZ / options.SustainedZ : 0, single ? j.TodayZ / options.DayZ : 0);
        strength = Math.Max(strength, drifting ? drift.Z / options.DriftZ : 0);
        if (!double.IsNaN(modelScore) && promoted is not null)
        {
            strength = Math.Max(strength, modelScore / promoted.Threshold);
        }

        var agency = kind switch
        {
            KindAccount => context.Entities.AgencyOf(id, -1),
            KindIp => context.Entities.NetworkAgency(id) ?? string.Empty,
            _ => name,
        };
        context.Raise(new AlertCandidate(AlertTypes.UnusualVolume, KindName(kind), name, agency, windowStart, due,
            Scores.Scale(strength, 1, 50, 90), new AlertExplanation(features, en, vi), evidence, IncidentCategory.DataTheft));
    }

    /// <summary>The features whose standardized deviation weighs most in the model's score, observed against the typical training value.</summary>
    private void AddTopContributions(List<AlertFeature> features, PcaModel model, int count)
    {
        Span<int> top = stackalloc int[count];
        top.Fill(-1);
        for (var i = 0; i < model.Dimensions; i++)
        {
            var weight = _standardized[i] * _standardized[i];
            for (var t = 0; t < count; t++)
            {
                if (top[t] < 0 || weight > _standardized[top[t]] * _standardized[top[t]])
                {
                    for (var s = count - 1; s > t; s--)
                    {
                        top[s] = top[s - 1];
                    }

                    top[t] = i;
                    break;
                }
            }
        }

        foreach (var i in top)
        {
            if (i >= 0)
            {
                features.Add(new AlertFeature(model.FeatureNames[i], Math.Round(_features[i], 3), Math.Round(model.Expected(i), 3), "~"));
            }
        }
    }
}
