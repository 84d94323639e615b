using System.Net;
using System.Text;
using LogSentinel.Detect;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Tuning;
using LogSentinel.Store.Events;
using LogSentinel.Store.Reference;
using LogSentinel.Store.Tuning;

namespace LogSentinel.Tests.Tuning;

/// <summary>Small event worlds for the tuning tests: bursts of failed logins, office lookups, and an engine run over them.</summary>
internal static class TuningEvents
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>A Wednesday evening, local time.</summary>
    public static readonly long T0 = new DateTimeOffset(2024, 1, 10, 20, 0, 0, Offset).ToUnixTimeMilliseconds();

    /// <summary>Two agencies with one network and one account each.</summary>
    public static ReferenceData TwoAgencies { get; } = new(
        [
            new AccountRecord("tp.victim", "so-tp", "officer", AccountStatus.Active, new DateOnly(2020, 1, 1)),
            new AccountRecord("tn.victim", "so-tn", "officer", AccountStatus.Active, new DateOnly(2020, 1, 1)),
        ],
        [
            new NetworkRecord("so-tp", "10.0.0.0/24", IPAddress.Parse("::ffff:10.0.0.0"), IPAddress.Parse("::ffff:10.0.0.255"), "tp"),
            new NetworkRecord("so-tn", "10.0.1.0/24", IPAddress.Parse("::ffff:10.0.1.0"), IPAddress.Parse("::ffff:10.0.1.255"), "tn"),
        ],
        []);

    /// <summary>30 failed logins in 5 minutes from <paramref name="ip"/> against <paramref name="account"/>: over both brute-force thresholds (20 and 15).</summary>
    public static void Burst(AppEventBatch batch, long from, string account, string ip)
    {
        for (var i = 0; i < 30; i++)
        {
            Add(batch, from + (i * 10_000), "login_failed", account, string.Empty, ip);
        }
    }

    /// <summary>One quiet event that moves the watermark past every window before it, so they are judged now.</summary>
    public static void Tick(AppEventBatch batch, long at) => Add(batch, at, "citizen_lookup", "bystander", "so-tn", "10.0.1.50");

    /// <summary>Lookups spread evenly over <paramref name="minutes"/> at <paramref name="perHour"/> an hour.</summary>
    public static void Lookups(AppEventBatch batch, string account, string agency, string ip, long from, int minutes, int perHour)
    {
        var gap = 3_600_000L / perHour;
        for (var t = from; t < from + (minutes * 60_000L); t += gap)
        {
            Add(batch, t, "citizen_lookup", account, agency, ip);
        }
    }

    public static void Add(AppEventBatch batch, long ts, string kind, string account, string agency, string ip)
    {
        var fields = new AppEventFields
        {
            TimestampMs = ts,
            EventKey = (ulong)ts ^ ((ulong)account.Length << 56) ^ (ulong)ip.GetHashCode(StringComparison.Ordinal),
            Event = Encoding.UTF8.GetBytes(kind),
            Account = Encoding.UTF8.GetBytes(account),
            Agency = Encoding.UTF8.GetBytes(agency),
            ClientIp = IpAddresses.FromIPAddress(IPAddress.Parse(ip)),
            DefaultPassword = -1,
            PasswordAgeDays = -1,
        };
        batch.Add(in fields);
    }

    /// <summary>An engine applying <paramref name="document"/> on the default options.</summary>
    public static DetectionEngine Engine(TuningDocument document, ReferenceData? reference = null, DetectionOptions? options = null) =>
        new(AppliedTuning.Compile(options ?? new DetectionOptions(), document, 1), reference ?? TwoAgencies, TimeProvider.System);

    /// <summary>Feeds the batch in time order (rows from <paramref name="fromRow"/>), without completing.</summary>
    public static void Feed(DetectionEngine engine, AppEventBatch batch, int fromRow = 0)
    {
        foreach (var row in Enumerable.Range(fromRow, batch.Count - fromRow).OrderBy(r => batch.TimestampMs[r]))
        {
            engine.Add(batch, row);
        }
    }

    /// <summary>Feeds everything, completes, and returns the newest version of each alert.</summary>
    public static List<DetectedAlert> Run(DetectionEngine engine, AppEventBatch batch)
    {
        Feed(engine, batch);
        engine.Complete();
        return Drain(engine);
    }

    public static List<DetectedAlert> Drain(DetectionEngine engine)
    {
        var alerts = new List<DetectedAlert>();
        engine.DrainChangedAlerts(alerts);
        return [.. alerts.GroupBy(a => a.Id).Select(g => g.Last())];
    }

    public static TuningDocument Thresholds(params (string Key, string Value, string? Agency)[] values) =>
        new() { Thresholds = [.. values.Select(v => new ThresholdOverride(v.Key, v.Value, v.Agency))] };

    public static TuningRule Rule(string id, string? type = null, string? kind = null, string? entity = null, string? agency = null, string? network = null,
        DateTimeOffset? expires = null) =>
        new()
        {
            Id = id,
            Types = type is null ? [] : [type],
            EntityKind = kind,
            Entity = entity,
            Agency = agency,
            Network = network,
            ExpiresAt = expires,
            Reason = "test",
        };

    public static IEnumerable<DetectedAlert> BruteForce(this IEnumerable<DetectedAlert> alerts) => alerts.Where(a => a.Type == AlertTypes.BruteForce);
}
