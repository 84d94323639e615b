using LogSentinel.Detect;
using LogSentinel.Detect.Tuning;
using LogSentinel.Report;

namespace LogSentinel.QueryApi.Hosting;

/// <summary>
/// The settings of the process hosting the API that the API applies itself: the configured detection options that
/// tuning changes and previews are checked and replayed against, the tuning settings (preview window) and the report
/// settings reports are generated with.
/// </summary>
public sealed record HostedSettings(DetectionOptions Detection, TuningOptions Tuning, ReportOptions Report)
{
    /// <summary>Every setting at its default.</summary>
    public static HostedSettings Defaults => new(new DetectionOptions(), new TuningOptions(), new ReportOptions());
}
