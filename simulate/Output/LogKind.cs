namespace LogSentinel.Simulate.Output;

/// <summary>The log a batch belongs to.</summary>
public enum LogKind
{
    /// <summary>Gateway access log (JSON Lines or NGINX combined).</summary>
    Gateway,

    /// <summary>Application log (JSON Lines).</summary>
    App,
}
