using System.Globalization;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.Outage;

/// <summary>
/// <c>outage</c>: gateway-wide, the share of server errors (5xx, timeouts included) over a sliding window passes
/// the threshold. Each bad minute is one detection; the merger folds a run of them into one alert whose window is
/// the outage's start and end. A flood of unauthenticated requests makes it a denial of service, otherwise a
/// system fault.
/// </summary>
internal sealed partial class OutageDetector : Detector
{
    private const int Gateway = 0;

    private MinuteRing? _minutes;
    private readonly MinuteCloser _closer = new();

    public override string Type => AlertTypes.Outage;

    public override void OnGateway(in GatewayEvent e, DetectionContext context)
    {
        _minutes ??= new MinuteRing(context.Options.Outage.WindowMinutes);
        var minute = e.TimestampMs / WindowSizes.Minute;
        ref var bucket = ref _minutes.At(minute);
        bucket.Count++;
        if (e.Status >= 500)
        {
            bucket.Flagged++;
        }

        if (e.Account < 0)
        {
            bucket.Other++;
        }

        if (!float.IsNaN(e.LatencyMs))
        {
            bucket.Sum += e.LatencyMs;
        }

        if (_closer.ShouldSchedule(Gateway, minute))
        {
            context.CloseAt(this, Gateway, (minute + 1) * WindowSizes.Minute);
        }
    }

    public override void OnWindowClosed(int entity, long due, DetectionContext context)
    {
        var options = context.Options.Outage;
        var lastMinute = (due / WindowSizes.Minute) - 1;
        var window = _minutes!.Sum(lastMinute, options.WindowMinutes);
        if (window.Count < options.MinRequests)
        {
            return;
        }

        var errorShare = (double)window.Flagged / window.Count;
        if (errorShare < options.MinErrorShare)
        {
            return;
        }

        var unauthenticatedShare = (double)window.Other / window.Count;
        var flood = unauthenticatedShare >= 0.5;
        var evidence = new AlertEvidence();
        evidence.Counts["requests"] = window.Count;
        evidence.Counts["server_errors"] = window.Flagged;
        evidence.Counts["unauthenticated_requests"] = window.Other;
        var meanLatency = window.Sum / window.Count;
        var features = new List<AlertFeature>
        {
            new($"server_error_share_{options.WindowMinutes}m", Math.Round(errorShare, 3), options.MinErrorShare, "<"),
            new("unauthenticated_share", Math.Round(unauthenticatedShare, 3), 0.5, "<"),
            new("mean_latency_ms", Math.Round(meanLatency, 1), 0, ">="),
        };
        var local = context.Local(due - WindowSizes.Minute);
        var en = string.Create(CultureInfo.InvariantCulture,
            $"The gateway answered {errorShare:P0} of {window.Count} requests with server errors in the {options.WindowMinutes} minutes up to {local:yyyy-MM-dd HH:mm}{(flood ? $", {unauthenticatedShare:P0} of them unauthenticated: a denial of service" : string.Empty)}.");
        var vi = string.Create(CultureInfo.InvariantCulture,
            $"Cổng kết nối trả lỗi máy chủ cho {errorShare:P0} trong {window.Count} yêu cầu trong {options.WindowMinutes} phút tính đến {local:yyyy-MM-dd HH:mm}{(flood ? $", {unauthenticatedShare:P0} là yêu cầu không xác thực: dấu hiệu tấn công từ chối dịch vụ" : string.Empty)}.");
        context.Raise(new AlertCandidate(AlertTypes.Outage, EntityKinds.Gateway, "gateway", string.Empty, due - WindowSizes.Minute, due,
            Scores.Scale(errorShare, options.MinErrorShare, 60, 95), new AlertExplanation(features, en, vi), evidence,
            flood ? IncidentCategory.DenialOfService : IncidentCategory.SystemFault));
    }
}
