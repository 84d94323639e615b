namespace LogSentinel.Detect.Detectors.AccountSharing;

/// <summary>The addresses one account was recently used from.</summary>
internal sealed class AccountSharingState
{
    public List<AddressActivity> Addresses { get; } = [];

    public long ReportedUntilMs { get; set; } = long.MinValue;

    public int LastIp { get; set; } = -1;

    public long LastMs { get; set; } = long.MinValue;

    /// <summary>The network of the last address: its agency, or null when none registered it.</summary>
    public string? LastNetwork { get; set; }

    /// <summary>Times of the latest switches between networks, a ring.</summary>
    public long[]? Switches { get; set; }

    public int SwitchCount { get; set; }

    /// <summary>Switches since <paramref name="fromMs"/>, up to the ring's length.</summary>
    public int SwitchesSince(long fromMs)
    {
        if (Switches is null)
        {
            return 0;
        }

        var n = 0;
        for (var i = 0; i < Math.Min(SwitchCount, Switches.Length); i++)
        {
            n += Switches[i] >= fromMs ? 1 : 0;
        }

        return n;
    }
}
