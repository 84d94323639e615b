using LogSentinel.Detect.Detectors.AccountSharing;
using LogSentinel.Detect.Detectors.BruteForce;
using LogSentinel.Detect.Detectors.DepartedAccountUse;
using LogSentinel.Detect.Detectors.ManyAccountsOneSource;
using LogSentinel.Detect.Detectors.OffHours;
using LogSentinel.Detect.Detectors.Outage;
using LogSentinel.Detect.Detectors.ScriptedBulkLookup;
using LogSentinel.Detect.Detectors.UnknownSource;
using LogSentinel.Detect.Baselines;
using LogSentinel.Detect.Detectors.UnusualVolume;
using LogSentinel.Detect.Detectors.VolumeSpike;
using LogSentinel.Detect.Feedback;
using LogSentinel.Detect.Detectors.WeakCredentials;

namespace LogSentinel.Detect;

/// <summary>
/// Settings of the detection engine, bound from the <c>Detection</c> section. Every threshold has a default
/// calibrated on simulated provinces: each detector fires on its scenario at medium intensity and stays silent on
/// a week of benign traffic of 300 accounts.
/// </summary>
public sealed class DetectionOptions
{
    public const string SectionName = "Detection";

    /// <summary>
    /// How far behind the newest event time the watermark trails (default 2 minutes). Windows close when the
    /// watermark passes their end; events older than the watermark are counted as late and not scored.
    /// </summary>
    public TimeSpan AllowedLateness { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Detections of the same type and entity whose window starts within this much event time of the open alert's
    /// last occurrence merge into it (default 7 days): a state such as a default password, or a misuse that recurs
    /// every working day, stays one alert with a count rather than a new alert each day.
    /// </summary>
    public TimeSpan MergeGap { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Offset of local time, in which working hours and reference dates are read (default UTC+07:00).</summary>
    public TimeSpan LocalOffset { get; set; } = TimeSpan.FromHours(7);

    /// <summary><c>brute_force</c> thresholds.</summary>
    public BruteForceOptions BruteForce { get; set; } = new();

    /// <summary><c>weak_credentials</c> thresholds.</summary>
    public WeakCredentialsOptions WeakCredentials { get; set; } = new();

    /// <summary><c>departed_account_use</c> thresholds.</summary>
    public DepartedAccountUseOptions DepartedAccountUse { get; set; } = new();

    /// <summary><c>unknown_source</c> thresholds.</summary>
    public UnknownSourceOptions UnknownSource { get; set; } = new();

    /// <summary><c>many_accounts_one_source</c> thresholds.</summary>
    public ManyAccountsOneSourceOptions ManyAccountsOneSource { get; set; } = new();

    /// <summary><c>scripted_bulk_lookup</c> thresholds.</summary>
    public ScriptedBulkLookupOptions ScriptedBulkLookup { get; set; } = new();

    /// <summary><c>account_sharing</c> thresholds.</summary>
    public AccountSharingOptions AccountSharing { get; set; } = new();

    /// <summary><c>outage</c> thresholds.</summary>
    public OutageOptions Outage { get; set; } = new();

    /// <summary><c>off_hours</c> thresholds and the working calendar.</summary>
    public OffHoursOptions OffHours { get; set; } = new();

    /// <summary><c>volume_spike</c> thresholds.</summary>
    public VolumeSpikeOptions VolumeSpike { get; set; } = new();

    /// <summary>Behavioural baselines of accounts, addresses and agencies.</summary>
    public BaselineOptions Baselines { get; set; } = new();

    /// <summary><c>unusual_volume</c> thresholds.</summary>
    public UnusualVolumeOptions UnusualVolume { get; set; } = new();

    /// <summary>How analysts' verdicts lower later scores.</summary>
    public FeedbackOptions Feedback { get; set; } = new();

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Require(AllowedLateness >= TimeSpan.Zero && AllowedLateness <= TimeSpan.FromHours(24), "AllowedLateness must be between 0 and 24 hours");
        Require(MergeGap >= TimeSpan.Zero, "MergeGap must not be negative");
        Require(
            AllowedLateness < TimeSpan.FromMinutes(UnknownSource.WindowMinutes),
            "AllowedLateness must be shorter than UnknownSource:WindowMinutes (a window closes before the one after next opens)");
        Require(LocalOffset >= TimeSpan.FromHours(-14) && LocalOffset <= TimeSpan.FromHours(14), "LocalOffset must be between -14 and +14 hours");
        BruteForce.Validate();
        WeakCredentials.Validate();
        DepartedAccountUse.Validate();
        UnknownSource.Validate();
        ManyAccountsOneSource.Validate();
        ScriptedBulkLookup.Validate();
        AccountSharing.Validate();
        Outage.Validate();
        OffHours.Validate();
        VolumeSpike.Validate();
        Baselines.Validate();
        UnusualVolume.Validate();
        Feedback.Validate();
    }

    internal static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{SectionName}: {message}.");
        }
    }
}
