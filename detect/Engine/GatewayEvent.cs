namespace LogSentinel.Detect.Engine;

/// <summary>A gateway request as detectors see it: interned ids and numbers, no strings.</summary>
internal struct GatewayEvent
{
    public long TimestampMs;
    public ulong EventKey;

    /// <summary>Interned account id; -1 for unauthenticated requests.</summary>
    public int Account;

    public int Agency;
    public int Ip;
    public int Api;
    public int UserAgent;
    public ushort Status;
    public float LatencyMs;
}
