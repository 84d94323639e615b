using LogSentinel.Detect.Alerts;

namespace LogSentinel.Detect.Engine;

/// <summary>
/// Which alerts an engine may raise, by entity kind. A partitioned <c>detect</c> member runs one engine per partition
/// of the internal topics: an account's events all reach the one by-account partition that owns it, so that engine's
/// account alerts are the single-engine ones, while what it knows of addresses is partial and its address alerts are
/// dropped (the by-address partitions raise those), and likewise for the wide topic.
/// </summary>
[Flags]
public enum AlertScope
{
    /// <summary>Alerts about accounts.</summary>
    Account = 1,

    /// <summary>Alerts about client addresses.</summary>
    Ip = 2,

    /// <summary>Alerts about the gateway, an API or an agency.</summary>
    Wide = 4,

    /// <summary>Every alert (one engine over all events: replay, run, detect over the raw topics).</summary>
    All = Account | Ip | Wide,
}

/// <summary>Helpers of <see cref="AlertScope"/>.</summary>
public static class AlertScopes
{
    /// <summary>Whether an alert about an entity of <paramref name="entityKind"/> is in <paramref name="scope"/>.</summary>
    public static bool Includes(this AlertScope scope, string entityKind) => entityKind switch
    {
        EntityKinds.Account => (scope & AlertScope.Account) != 0,
        EntityKinds.Ip => (scope & AlertScope.Ip) != 0,
        _ => (scope & AlertScope.Wide) != 0,
    };
}
