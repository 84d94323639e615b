using System.Globalization;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.ScriptedBulkLookup;

/// <summary>
/// <c>scripted_bulk_lookup</c>: within a sliding window an account makes many lookups whose spacing is
/// machine-regular (low variation of the gaps). Sequential ids, a non-browser client and off-hours raise the
/// score but are not required: a list-driven script from a browser-like client must still be caught.
/// </summary>
internal sealed partial class ScriptedBulkLookupDetector : Detector
{
    /// <summary>Gaps longer than this start a new run instead of counting as spacing.</summary>
    private const long MaxGapMs = 5 * WindowSizes.Minute;

    private EntityStates<ScriptedLookupState>? _states;
    private long[]? _sorted;
    private readonly MinuteCloser _closer = new();

    public override string Type => AlertTypes.ScriptedBulkLookup;

    public override void OnApp(in AppEvent e, DetectionContext context)
    {
        if (e.Kind != AppEventKind.CitizenLookup || e.Account < 0)
        {
            return;
        }

        var options = context.Options.ScriptedBulkLookup;
        _states ??= CreateStates(options.WindowMinutes);
        var state = _states.Get(e.Account);
        var minute = e.TimestampMs / WindowSizes.Minute;
        ref var bucket = ref state.Minutes.At(minute);
        bucket.Count++;
        state.AddTime(e.TimestampMs);

        if (e.HasIdDelta && Math.Abs(e.IdDelta) <= options.SequentialIdDelta)
        {
            bucket.Flagged++;
        }

        if (e.CitizenRef != 0)
        {
            state.Refs[state.RefCount % ScriptedLookupState.KeptRefs] = e.CitizenRef;
            state.RefCount++;
        }

        state.SampleKeys[state.Samples % state.SampleKeys.Length] = e.EventKey;
        state.Samples++;
        state.Ip = e.Ip;
        if (_closer.ShouldSchedule(e.Account, minute))
        {
            context.CloseAt(this, e.Account, (minute + 1) * WindowSizes.Minute);
        }
    }

    public override void OnGateway(in GatewayEvent e, DetectionContext context)
    {
        if (e.Account < 0 || _states is null)
        {
            return;
        }

        var state = _states.Find(e.Account);
        if (state is null)
        {
            return;
        }

        ref var bucket = ref state.Minutes.At(e.TimestampMs / WindowSizes.Minute);
        bucket.Requests++;
        if (context.Entities.UserAgentClass(e.UserAgent) == UserAgentClass.Script)
        {
            bucket.Marked++;
            state.UserAgent = e.UserAgent;
        }
        else if (state.UserAgent < 0)
        {
            state.UserAgent = e.UserAgent;
        }
    }

    public override void OnWindowClosed(int entity, long due, DetectionContext context)
    {
        var state = _states!.Get(entity);
        var options = context.OptionsFor(context.Entities.AgencyOf(entity, -1)).ScriptedBulkLookup;
        var windowStart = due - (options.WindowMinutes * WindowSizes.Minute);
        var sum = state.Minutes.Sum((due / WindowSizes.Minute) - 1, options.WindowMinutes);
        var (gaps, mean, variation) = Spacing(state, windowStart, due, _sorted ??= new long[64]);

        // Every later window starts at least a minute later; earlier times will not be needed again.
        state.DropBefore(windowStart + WindowSizes.Minute);
        if (sum.Count < options.MinLookups || gaps < 2 || windowStart < state.ReportedUntilMs)
        {
            return;
        }

        if (variation > options.MaxGapVariation)
        {
            return;
        }

        state.ReportedUntilMs = due;
        var sequentialShare = (double)sum.Flagged / sum.Count;
        var scriptShare = sum.Requests == 0 ? 0 : (double)sum.Marked / sum.Requests;
        var local = context.Local(windowStart);
        var offHours = local.Hour is < 7 or >= 18 || local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var score = 55 + (int)Math.Round(15 * scriptShare) + (int)Math.Round(15 * sequentialShare) + (offHours ? 10 : 0);

        var entities = context.Entities;
        var name = entities.Accounts.Name(entity);
        var evidence = new AlertEvidence();
        evidence.Counts["lookups"] = sum.Count;
        evidence.Counts["sequential_lookups"] = sum.Flagged;
        evidence.Counts["gateway_requests"] = sum.Requests;
        evidence.Counts["scripted_client_requests"] = sum.Marked;
        evidence.Accounts.Add(name);
        if (state.Ip >= 0)
        {
            evidence.Addresses.Add(entities.Ips.Name(state.Ip));
        }

        if (state.UserAgent >= 0)
        {
            evidence.UserAgents.Add(entities.UserAgents.Name(state.UserAgent));
        }

        var kept = Math.Min(state.RefCount, ScriptedLookupState.KeptRefs);
        for (var i = state.RefCount - kept; i < state.RefCount; i++)
        {
            evidence.CitizenRefs.Add(Scores.Hex(state.Refs[i % ScriptedLookupState.KeptRefs]));
        }

        for (var i = 0; i < Math.Min(state.Samples, state.SampleKeys.Length); i++)
        {
            evidence.SampleEventKeys.Add(Scores.Hex(state.SampleKeys[i]));
        }

        var meanSeconds = mean / 1000.0;
        var features = new List<AlertFeature>
        {
            new($"lookups_{options.WindowMinutes}m", sum.Count, options.MinLookups, ">="),
            new("gap_variation", Math.Round(variation, 3), options.MaxGapVariation, "<="),
            new("mean_gap_seconds", Math.Round(meanSeconds, 2), 0, ">="),
            new("sequential_id_share", Math.Round(sequentialShare, 3), 0, ">="),
            new("scripted_client_share", Math.Round(scriptShare, 3), 0, ">="),
            new("off_hours", offHours ? 1 : 0, 0, "=="),
        };
        var client = state.UserAgent >= 0 ? entities.UserAgents.Name(state.UserAgent) : "unknown client";
        var en = string.Create(CultureInfo.InvariantCulture,
            $"Account {name} made {sum.Count} lookups in {options.WindowMinutes} minutes from {local:yyyy-MM-dd HH:mm}, one every {meanSeconds:0.#} s with machine-regular spacing (variation {variation:0.00}; people exceed {options.MaxGapVariation:0.00}), {sequentialShare:P0} sequential ids, client '{client}'.");
        var vi = string.Create(CultureInfo.InvariantCulture,
            $"Tài khoản {name} tra cứu {sum.Count} lần trong {options.WindowMinutes} phút từ {local:yyyy-MM-dd HH:mm}, cứ {meanSeconds:0.#} giây một lần, đều đặn như máy (độ biến thiên {variation:0.00}; người dùng thật trên {options.MaxGapVariation:0.00}), {sequentialShare:P0} số định danh liên tiếp, phần mềm '{client}'.");
        context.Raise(new AlertCandidate(AlertTypes.ScriptedBulkLookup, EntityKinds.Account, name, entities.AgencyOf(entity, -1), windowStart, due,
            Math.Min(score, 95), new AlertExplanation(features, en, vi), evidence, IncidentCategory.PolicyViolation));
    }

    /// <summary>
    /// Gaps between consecutive lookups of the window in time order (gaps over <see cref="MaxGapMs"/> start a new run):
    /// how many, their mean and their coefficient of variation.
    /// </summary>
    private (int Gaps, double Mean, double Variation) Spacing(ScriptedLookupState state, long fromMs, long toMs, long[] scratch)
    {
        if (scratch.Length < state.TimeCount)
        {
            scratch = _sorted = new long[Math.Max(state.TimeCount, scratch.Length * 2)];
        }

        var n = 0;
        for (var i = 0; i < state.TimeCount; i++)
        {
            var t = state.Times[i];
            if (t >= fromMs && t < toMs)
            {
                scratch[n++] = t;
            }
        }

        var times = scratch.AsSpan(0, n);
        times.Sort();
        var gaps = 0;
        double sum = 0;
        double sumOfSquares = 0;
        for (var i = 1; i < times.Length; i++)
        {
            var gap = times[i] - times[i - 1];
            if (gap <= MaxGapMs)
            {
                gaps++;
                sum += gap;
                sumOfSquares += (double)gap * gap;
            }
        }

        if (gaps == 0)
        {
            return (0, 0, 0);
        }

        var mean = sum / gaps;
        var variance = Math.Max(0, (sumOfSquares / gaps) - (mean * mean));
        return (gaps, mean, mean <= 0 ? 0 : Math.Sqrt(variance) / mean);
    }
}
