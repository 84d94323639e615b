namespace LogSentinel.Detect.Alerts;

/// <summary>What an alert is about.</summary>
public static class EntityKinds
{
    public const string Account = "account";
    public const string Ip = "ip";
    public const string Agency = "agency";
    public const string Api = "api";
    public const string Gateway = "gateway";
}
