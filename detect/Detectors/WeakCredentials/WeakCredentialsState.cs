namespace LogSentinel.Detect.Detectors.WeakCredentials;

/// <summary>Weak logins of one account in the minute not yet closed.</summary>
internal sealed class WeakCredentialsState
{
    public int Logins { get; set; }

    public bool DefaultPassword { get; set; }

    public int MaxAgeDays { get; set; } = -1;

    public int Ip { get; set; } = -1;

    public ulong SampleKey { get; set; }

    public long FirstMs { get; set; }
}
