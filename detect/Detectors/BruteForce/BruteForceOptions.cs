namespace LogSentinel.Detect.Detectors.BruteForce;

/// <summary>Bursts of failed logins from one address or against one account.</summary>
public sealed class BruteForceOptions
{
    /// <summary>Sliding window the failures are counted over, in minutes (default 10).</summary>
    public int WindowMinutes { get; set; } = 10;

    /// <summary>Failed logins from one address within the window that make a burst (default 20; a mistyped password is one or two).</summary>
    public int IpFailures { get; set; } = 20;

    /// <summary>Failed logins against one account within the window that make a burst (default 15).</summary>
    public int AccountFailures { get; set; } = 15;

    /// <summary>A successful login from the bursting address or on the bursting account this soon after a burst is reported as a likely takeover (default 30 minutes).</summary>
    public int SuccessAfterBurstMinutes { get; set; } = 30;

    internal void Validate()
    {
        DetectionOptions.Require(WindowMinutes is >= 1 and <= 60, "BruteForce:WindowMinutes must be between 1 and 60");
        DetectionOptions.Require(IpFailures >= 2, "BruteForce:IpFailures must be at least 2");
        DetectionOptions.Require(AccountFailures >= 2, "BruteForce:AccountFailures must be at least 2");
        DetectionOptions.Require(SuccessAfterBurstMinutes >= 0, "BruteForce:SuccessAfterBurstMinutes must not be negative");
    }
}
