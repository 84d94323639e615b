using System.Globalization;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Detectors.AccountSharing;
using LogSentinel.Detect.Detectors.BruteForce;
using LogSentinel.Detect.Detectors.DepartedAccountUse;
using LogSentinel.Detect.Detectors.ManyAccountsOneSource;
using LogSentinel.Detect.Detectors.OffHours;
using LogSentinel.Detect.Detectors.Outage;
using LogSentinel.Detect.Detectors.ScriptedBulkLookup;
using LogSentinel.Detect.Detectors.UnknownSource;
using LogSentinel.Detect.Detectors.UnusualVolume;
using LogSentinel.Detect.Detectors.VolumeSpike;
using LogSentinel.Detect.Detectors.WeakCredentials;
using LogSentinel.Detect.Feedback;
using LogSentinel.Detect.Model;
using LogSentinel.Detect.Tuning;
using LogSentinel.Store.Baselines;
using LogSentinel.Store.Events;
using LogSentinel.Store.Models;

namespace LogSentinel.Detect.Engine;

/// <summary>
/// The detection engine: consumes gateway and application events in (roughly) event-time order, one row of a
/// batch at a time, and runs every detector over them. Time is event time only: the watermark (newest event time
/// minus the allowed lateness) closes windows, so the same events in the same order give the same alerts whether
/// they arrive live or from files. Not thread-safe: one engine per consumer.
/// </summary>
public sealed partial class DetectionEngine
{
    private readonly EntityTable _entities;
    private readonly Detector[] _detectors;
    private readonly EventTimeScheduler _scheduler = new();
    private readonly AlertMerger _merger;
    private readonly DetectionContext _context;
    private readonly Watermark _watermark;
    private readonly BehaviourRecorder _behaviour = new();
    private readonly UnusualVolumeDetector _unusualVolume;
    private long _events;
    private long _late;

    public DetectionEngine(DetectionOptions options, ReferenceData reference, TimeProvider time)
        : this(options, reference, time, BehaviourModels.None, FeedbackSet.Empty)
    {
    }

    /// <summary>An engine scoring behaviour with <paramref name="models"/> (fixed for the run) and lowering scores by analysts' <paramref name="feedback"/>.</summary>
    public DetectionEngine(DetectionOptions options, ReferenceData reference, TimeProvider time, BehaviourModels models, FeedbackSet feedback)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _entities = new EntityTable(reference, options.LocalOffset);
        _merger = new AlertMerger((long)options.MergeGap.TotalMilliseconds, time);
        _context = new DetectionContext(_entities, options, _scheduler, _merger) { Feedback = feedback };
        _watermark = new Watermark((long)options.AllowedLateness.TotalMilliseconds);
        _detectors =
        [
            new BruteForceDetector(),
            new WeakCredentialsDetector(),
            new DepartedAccountUseDetector(),
            new UnknownSourceDetector(),
            new ManyAccountsOneSourceDetector(),
            new ScriptedBulkLookupDetector(),
            new AccountSharingDetector(),
            new OutageDetector(),
            new OffHoursDetector(),
            new VolumeSpikeDetector(),
            new UnknownSourceAccountDetector(),
            _unusualVolume = new UnusualVolumeDetector(models, _behaviour),
        ];
        for (var i = 0; i < _detectors.Length; i++)
        {
            _detectors[i].Index = i;
        }
    }

    /// <summary>Builds an engine that applies <paramref name="tuning"/> from its first event.</summary>
    public DetectionEngine(AppliedTuning tuning, ReferenceData reference, TimeProvider time)
        : this(tuning?.Options ?? throw new ArgumentNullException(nameof(tuning)), reference, time)
    {
        ApplyTuning(tuning);
    }

    /// <summary>Events consumed, late events, the watermark, alerts by type and what tuning kept back.</summary>
    public DetectionStats Stats => new(_events, _late, _watermark.Value, Sorted(_merger.CountByType), Sorted(_context.SuppressedByType),
        Sorted(_context.AllowListedByType), _context.Tuning.Version);

    /// <summary>The tuning applied now.</summary>
    public AppliedTuning Tuning => _context.Tuning;

    /// <summary>
    /// Swaps in another tuning between two events: later windows are judged with its thresholds, calendar, allow-lists
    /// and suppressions. Open windows and per-entity memory stay as they are, which is sound because tuning never
    /// changes a setting that shapes them (<see cref="TunableSettings"/>); a tuning compiled from other configured
    /// options is refused.
    /// </summary>
    public void ApplyTuning(AppliedTuning tuning)
    {
        ArgumentNullException.ThrowIfNull(tuning);
        var current = _context.Options;
        var next = tuning.Options;
        if (current.AllowedLateness != next.AllowedLateness || current.MergeGap != next.MergeGap || current.LocalOffset != next.LocalOffset
            || current.BruteForce.WindowMinutes != next.BruteForce.WindowMinutes || current.ScriptedBulkLookup.WindowMinutes != next.ScriptedBulkLookup.WindowMinutes
            || current.AccountSharing.WindowMinutes != next.AccountSharing.WindowMinutes || current.ManyAccountsOneSource.WindowMinutes != next.ManyAccountsOneSource.WindowMinutes
            || current.UnknownSource.WindowMinutes != next.UnknownSource.WindowMinutes || current.Outage.WindowMinutes != next.Outage.WindowMinutes
            || current.VolumeSpike.WindowMinutes != next.VolumeSpike.WindowMinutes || current.VolumeSpike.BaselineWindows != next.VolumeSpike.BaselineWindows)
        {
            throw new InvalidOperationException("The tuning changes a setting that shapes detector state (lateness, merge gap, local offset, window sizes); restart with a fresh database instead.");
        }

        _context.Tuning = tuning;
        foreach (var detector in _detectors)
        {
            detector.OnOptionsChanged(_context);
        }
    }

    /// <summary>The current watermark (Unix ms), or <see cref="long.MinValue"/> before any event.</summary>
    public long WatermarkMs => _watermark.Value;

    /// <summary>Consumes row <paramref name="row"/> of a gateway batch.</summary>
    public void Add(GatewayEventBatch batch, int row)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var ts = batch.TimestampMs[row];
        if (!Admit(ts))
        {
            return;
        }

        var e = new GatewayEvent
        {
            TimestampMs = ts,
            EventKey = batch.EventKey[row],
            Account = _entities.InternAccount(batch.Account[row]),
            Agency = _entities.InternAgency(batch.Agency[row]),
            Ip = _entities.InternIp(batch.ClientIp[row]),
            Api = _entities.InternApi(batch.Api[row]),
            UserAgent = _entities.InternUserAgent(batch.UserAgent[row]),
            Status = batch.Status[row],
            LatencyMs = batch.LatencyMs[row],
        };
        foreach (var detector in _detectors)
        {
            detector.OnGateway(in e, _context);
        }

        Advance(ts);
    }

    /// <summary>Consumes row <paramref name="row"/> of an application batch.</summary>
    public void Add(AppEventBatch batch, int row)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var ts = batch.TimestampMs[row];
        if (!Admit(ts))
        {
            return;
        }

        var session = batch.SessionId[row];
        var e = new AppEvent
        {
            TimestampMs = ts,
            EventKey = batch.EventKey[row],
            Kind = KindOf(batch.Event[row]),
            Account = _entities.InternAccount(batch.Account[row]),
            Agency = _entities.InternAgency(batch.Agency[row]),
            Ip = _entities.InternIp(batch.ClientIp[row]),
            Session = session.IsEmpty ? 0 : System.IO.Hashing.XxHash3.HashToUInt64(session),
            CitizenRef = CitizenRefPrefix(batch.CitizenRef[row]),
            IdDelta = batch.IdDelta[row],
            HasIdDelta = batch.HasIdDelta[row],
            DefaultPassword = batch.DefaultPassword[row],
            PasswordAgeDays = batch.PasswordAgeDays[row],
            Province = ProvinceCode(batch.CitizenProvince[row]),
            Result = batch.Result[row].SequenceEqual("not_found"u8) ? LookupOutcome.NotFound : LookupOutcome.Other,
        };
        foreach (var detector in _detectors)
        {
            detector.OnApp(in e, _context);
        }

        Advance(ts);
    }

    /// <summary>End of the data: the watermark jumps to the end of time and every open window closes.</summary>
    public void Complete()
    {
        _watermark.Close();
        RunDue(long.MaxValue);
    }

    /// <summary>Moves the feature windows closed and the shadow scores given since the last call into the lists.</summary>
    public void DrainBehaviour(List<ModelWindowRecord> windows, List<ModelScoreRecord> scores)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(scores);
        windows.AddRange(_behaviour.Windows);
        scores.AddRange(_behaviour.Scores);
        _behaviour.Windows.Clear();
        _behaviour.Scores.Clear();
    }

    /// <summary>Every entity's baseline as of the last day judged, for the store.</summary>
    public IReadOnlyList<EntityBaselineRecord> SnapshotBaselines() => _unusualVolume.Snapshot(_context);

    /// <summary>The baselines of the entities that closed a day since the last call (written at day close, live and in replay).</summary>
    public IReadOnlyList<EntityBaselineRecord> DrainChangedBaselines() => _unusualVolume.DrainChanged(_context);

    /// <summary>Moves the alerts opened or merged since the last call into <paramref name="into"/>.</summary>
    public void DrainChangedAlerts(List<DetectedAlert> into) => _merger.DrainChanged(into);

    private bool Admit(long ts)
    {
        _events++;
        if (_watermark.IsLate(ts))
        {
            _late++;
            return false;
        }

        return true;
    }

    private void Advance(long ts) => RunDue(_watermark.Observe(ts));

    private void RunDue(long watermark)
    {
        // Windows close in due order and each sees the watermark at its own end, so detected_at does not depend
        // on how far apart the events that moved the watermark happened to be.
        while (_scheduler.TryTakeDue(watermark, out var timer))
        {
            _context.WatermarkMs = timer.Due;
            _detectors[timer.Detector].OnWindowClosed(timer.Entity, timer.Due, _context);
        }

        _context.WatermarkMs = watermark;
    }

    private static SortedDictionary<string, int> Sorted(IReadOnlyDictionary<string, int> counts) =>
        new(counts.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    private static AppEventKind KindOf(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("citizen_lookup"u8) => AppEventKind.CitizenLookup,
        _ when name.SequenceEqual("login"u8) => AppEventKind.Login,
        _ when name.SequenceEqual("login_failed"u8) => AppEventKind.LoginFailed,
        _ when name.SequenceEqual("logout"u8) => AppEventKind.Logout,
        _ when name.SequenceEqual("password_change"u8) => AppEventKind.PasswordChange,
        _ => AppEventKind.Other,
    };

    /// <summary>A three-digit province code, parsed without allocating; -1 when absent or malformed.</summary>
    private static int ProvinceCode(ReadOnlySpan<byte> code) =>
        code.Length is > 0 and <= 3 && int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;

    /// <summary>The first 16 hex digits of the pseudonym: enough to tell ids apart in evidence, parsed without allocating.</summary>
    private static ulong CitizenRefPrefix(ReadOnlySpan<byte> hex) =>
        hex.Length >= 16 && ulong.TryParse(hex[..16], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
