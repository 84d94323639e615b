using System.Globalization;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Calendar;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.VolumeSpike;

/// <summary>
/// <c>volume_spike</c>: the requests of the gateway, of one agency or of one API in a tumbling window reach a
/// minimum count and a multiple of the entity's baseline: the higher of the median of its previous windows (quiet
/// windows count as zero) and the median of its previous days' busiest windows at the same local hour over the
/// last two weeks, working days compared with working days and days off with days off (the calendar of
/// <c>Detection:OffHours</c>). Until a previous day shows that rhythm, only mostly unauthenticated surges are judged, so the first
/// working morning is no surge.
/// Mostly unauthenticated requests make it a denial of service, otherwise a system fault (a runaway client or
/// integration).
/// </summary>
internal sealed partial class VolumeSpikeDetector : Detector
{
    private const int KindGateway = 0;
    private const int KindAgency = 1;
    private const int KindApi = 2;

    private readonly EntityStates<VolumeSpikeState>[] _states = new EntityStates<VolumeSpikeState>[3];
    private long[] _scratch = [];
    private WorkingCalendar? _calendar;
    private int _ringLength;

    public override string Type => AlertTypes.VolumeSpike;

    public override void OnOptionsChanged(DetectionContext context)
    {
        if (_calendar is not null)
        {
            _calendar = new WorkingCalendar(context.Options.OffHours, context.Options.LocalOffset);
        }
    }

    public override void OnGateway(in GatewayEvent e, DetectionContext context)
    {
        if (_ringLength == 0)
        {
            var options = context.Options.VolumeSpike;
            var open = (int)Math.Ceiling(context.Options.AllowedLateness.TotalMinutes / options.WindowMinutes) + 2;
            _ringLength = options.BaselineWindows + open;
            _scratch = new long[options.BaselineWindows];
            _calendar = new WorkingCalendar(context.Options.OffHours, context.Options.LocalOffset);
            for (var k = 0; k < _states.Length; k++)
            {
                _states[k] = new EntityStates<VolumeSpikeState>(() => new VolumeSpikeState(_ringLength));
            }
        }

        var width = context.Options.VolumeSpike.WindowMinutes * WindowSizes.Minute;
        var window = Math.DivRem(e.TimestampMs, width) is var (q, r) && r < 0 ? q - 1 : q;
        Count(KindGateway, 0, window, in e, context, width);
        if (e.Agency >= 0)
        {
            Count(KindAgency, e.Agency, window, in e, context, width);
        }

        if (e.Api >= 0)
        {
            Count(KindApi, e.Api, window, in e, context, width);
        }
    }

    public override void OnWindowClosed(int entity, long due, DetectionContext context)
    {
        var kind = entity % 3;
        var id = entity / 3;
        var state = _states[kind].Get(id);
        var options = context.Options.VolumeSpike;
        var width = options.WindowMinutes * WindowSizes.Minute;
        var window = (due / width) - 1;
        var slot = state.Slot(window);
        if (state.Windows[slot] != window)
        {
            return;
        }

        var requests = state.Requests[slot];
        var local = (window * width) + (long)context.Options.LocalOffset.TotalMilliseconds;
        var day = Math.DivRem(local, WindowSizes.Day) is var (dq, dr) && dr < 0 ? dq - 1 : dq;
        var hourOfDay = (int)((local - (day * WindowSizes.Day)) / WindowSizes.Hour);
        var working = _calendar!.IsWorkingDay(_calendar.LocalDay(window * width));
        if (requests < options.MinRequests || window - state.FirstWindow < options.MinHistoryWindows)
        {
            state.Learn(day, working, hourOfDay, requests);
            return;
        }

        var n = options.BaselineWindows;
        for (var i = 0; i < n; i++)
        {
            _scratch[i] = state.CountOf(window - 1 - i);
        }

        Array.Sort(_scratch, 0, n);
        var median = n % 2 == 1 ? _scratch[n / 2] : (_scratch[(n / 2) - 1] + _scratch[n / 2]) / 2.0;
        // The daily rhythm: a busy morning is compared with the median of the previous days' busiest windows at the
        // same hour, so the start of the working day is no surge once a day of history exists.
        var usual = state.UsualBefore(day, working, hourOfDay);
        var baseline = Math.Max(Math.Max(median, usual), options.MinBaseline);
        var ratio = requests / baseline;
        state.Learn(day, working, hourOfDay, requests);

        // Until a previous day shows the rhythm at this hour, only a mostly unauthenticated surge (a flood, not the
        // working day starting) is judged.
        var unauthenticatedMostly = state.Unauthenticated[slot] * 2 >= requests;
        if (ratio < options.MinRatio || (usual < 0 && !unauthenticatedMostly))
        {
            return;
        }

        Raise(kind, id, state, slot, requests, median, usual, baseline, ratio, window * width, due, context);
    }

    private void Count(int kind, int id, long window, in GatewayEvent e, DetectionContext context, long width)
    {
        var state = _states[kind].Get(id);
        var slot = state.Slot(window);
        if (state.Windows[slot] != window)
        {
            if (state.Windows[slot] > window)
            {
                return;
            }

            state.Windows[slot] = window;
            state.Requests[slot] = 0;
            state.Unauthenticated[slot] = 0;
            state.ServerErrors[slot] = 0;
            if (state.FirstWindow == long.MinValue)
            {
                state.FirstWindow = window;
            }

            context.CloseAt(this, (id * 3) + kind, (window + 1) * width);
        }

        state.Requests[slot]++;
        if (e.Account < 0)
        {
            state.Unauthenticated[slot]++;
        }

        if (e.Status >= 500)
        {
            state.ServerErrors[slot]++;
        }
    }

    private static void Raise(int kind, int id, VolumeSpikeState state, int slot, long requests, double median, long usual, double baseline, double ratio,
        long windowStart, long due, DetectionContext context)
    {
        var options = context.Options.VolumeSpike;
        var entities = context.Entities;
        var (entityKind, entity, agency) = kind switch
        {
            KindAgency => (EntityKinds.Agency, entities.Agencies.Name(id), entities.Agencies.Name(id)),
            KindApi => (EntityKinds.Api, entities.Apis.Name(id), string.Empty),
            _ => (EntityKinds.Gateway, "gateway", string.Empty),
        };
        var unauthenticated = state.Unauthenticated[slot];
        var unauthenticatedShare = (double)unauthenticated / requests;
        var flood = unauthenticatedShare >= 0.5;
        var evidence = new AlertEvidence();
        evidence.Counts["requests"] = requests;
        evidence.Counts["baseline_median"] = (long)Math.Round(median);
        evidence.Counts["usual_busiest_same_hour_14d"] = Math.Max(usual, 0);
        evidence.Counts["unauthenticated_requests"] = unauthenticated;
        evidence.Counts["server_errors"] = state.ServerErrors[slot];
        var baselineMinutes = options.BaselineWindows * options.WindowMinutes;
        var features = new List<AlertFeature>
        {
            new($"requests_{options.WindowMinutes}m", requests, Math.Round(baseline * options.MinRatio, 1), "<"),
            new("ratio_to_baseline", Math.Round(ratio, 1), options.MinRatio, "<"),
            new($"median_{baselineMinutes}m", Math.Round(median, 1), Math.Round(baseline, 1), "<="),
            new("usual_busiest_same_hour_14d", Math.Max(usual, 0), Math.Round(baseline, 1), "<="),
            new("unauthenticated_share", Math.Round(unauthenticatedShare, 3), 0.5, "<"),
        };
        var what = kind switch
        {
            KindAgency => $"Agency {entity}",
            KindApi => $"API {entity}",
            _ => "The gateway",
        };
        var whatVi = kind switch
        {
            KindAgency => $"Cơ quan {entity}",
            KindApi => $"API {entity}",
            _ => "Cổng kết nối",
        };
        var local = context.Local(windowStart);
        var en = string.Create(CultureInfo.InvariantCulture,
            $"{what} received {requests} requests in the {options.WindowMinutes} minutes from {local:yyyy-MM-dd HH:mm}, {ratio:0.#} times its baseline of {baseline:0.#} (median {median:0.#} per {options.WindowMinutes} minutes over the previous {baselineMinutes} minutes, usual busiest {Math.Max(usual, 0)} at this hour on like days of the last two weeks); {unauthenticatedShare:P0} were unauthenticated{(flood ? ": a denial of service" : string.Empty)}.");
        var vi = string.Create(CultureInfo.InvariantCulture,
            $"{whatVi} nhận {requests} yêu cầu trong {options.WindowMinutes} phút từ {local:yyyy-MM-dd HH:mm}, gấp {ratio:0.#} lần mức nền {baseline:0.#} (trung vị {median:0.#} yêu cầu mỗi {options.WindowMinutes} phút trong {baselineMinutes} phút trước đó, mức cao nhất thường gặp {Math.Max(usual, 0)} vào giờ này trong các ngày cùng loại của hai tuần qua); {unauthenticatedShare:P0} là yêu cầu không xác thực{(flood ? ": dấu hiệu tấn công từ chối dịch vụ" : string.Empty)}.");
        context.Raise(new AlertCandidate(AlertTypes.VolumeSpike, entityKind, entity, agency, windowStart, due,
            Scores.Scale(ratio, options.MinRatio, 50, 90), new AlertExplanation(features, en, vi), evidence,
            flood ? IncidentCategory.DenialOfService : IncidentCategory.SystemFault));
    }
}
