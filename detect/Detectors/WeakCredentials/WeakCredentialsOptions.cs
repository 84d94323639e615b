namespace LogSentinel.Detect.Detectors.WeakCredentials;

/// <summary>Logins with the issued (default) password or a password older than the policy allows.</summary>
public sealed class WeakCredentialsOptions
{
    /// <summary>Oldest password age, in days, the policy tolerates (default 30: the provinces ask for a monthly change).</summary>
    public int MaxPasswordAgeDays { get; set; } = 30;

    /// <summary>Whether a login still on the issued password is reported (default true).</summary>
    public bool ReportDefaultPassword { get; set; } = true;

    internal void Validate() =>
        DetectionOptions.Require(MaxPasswordAgeDays >= 1, "WeakCredentials:MaxPasswordAgeDays must be at least 1");
}
