using System.Net;
using System.Text;
using LogSentinel.Store;
using LogSentinel.Store.Activity;
using LogSentinel.Store.Events;

namespace LogSentinel.Tests.Store;

/// <summary>
/// A few accounts, addresses and two agencies active over four and a half days, written in several batches, with
/// every event also kept here: what the entity tables must say is computed from these, not from the store.
/// </summary>
internal sealed class ActivityWorld
{
    public static readonly DateTime Start = new(2024, 3, 4, 1, 17, 41, DateTimeKind.Utc);

    private ActivityWorld(List<WorldEvent> events) => Events = events;

    public IReadOnlyList<WorldEvent> Events { get; }

    /// <summary>Every kind/name pair that has events, as the API names it (addresses in dotted form).</summary>
    public IEnumerable<(ActivityEntityKind Kind, string Name)> Entities =>
        Events.Select(e => (ActivityEntityKind.Account, e.Account))
            .Concat(Events.Select(e => (ActivityEntityKind.Ip, e.Ip)))
            .Concat(Events.Select(e => (ActivityEntityKind.Agency, e.Agency)))
            .Distinct();

    /// <summary>Events spaced 7 min 13 s apart, from <paramref name="first"/> on; their keys continue from there so batches never collide.</summary>
    public static ActivityWorld Create(int count, int first = 0)
    {
        var events = new List<WorldEvent>(count);
        for (var i = first; i < first + count; i++)
        {
            var account = i % 5;
            events.Add(new WorldEvent(
                Start.AddSeconds(i * 433L),
                (ulong)(i + 1),
                $"hn.ca.user{account}",
                account < 3 ? "HN-CA-HOANKIEM" : "HN-CA-DONGDA",
                $"10.61.2.{1 + (i % 7)}",
                i % 3 == 0 ? "app" : "gateway",
                i % 11 == 4 ? 503 : i % 13 == 5 ? 404 : 200,
                i % 17 == 2 ? "login_failed" : "citizen_lookup"));
        }

        return new ActivityWorld(events);
    }

    /// <summary>Writes the events in <paramref name="batches"/> inserts, so the views see several blocks per entity.</summary>
    public async Task InsertAsync(ILogStore store, int batches = 3)
    {
        var size = (Events.Count + batches - 1) / batches;
        foreach (var chunk in Events.Chunk(size))
        {
            var gateway = new GatewayEventBatch(chunk.Length);
            var app = new AppEventBatch(chunk.Length);
            foreach (var e in chunk)
            {
                var ip = IpAddresses.FromIPAddress(IPAddress.Parse(e.Ip));
                var ms = new DateTimeOffset(e.At).ToUnixTimeMilliseconds();
                if (e.Table == "gateway")
                {
                    gateway.Add(new GatewayEventFields
                    {
                        TimestampMs = ms, EventKey = e.Key, ClientIp = ip, Status = (ushort)e.Status, LatencyMs = 90, BytesOut = 1200,
                        Source = "test"u8, Method = "POST"u8, Path = "/api/dancu/v1/tra-cuu"u8, UserAgent = "Mozilla/5.0"u8,
                        Account = Encoding.UTF8.GetBytes(e.Account), Agency = Encoding.UTF8.GetBytes(e.Agency), Api = "dancu.tra-cuu-cong-dan"u8,
                        RequestId = Encoding.UTF8.GetBytes($"req-{e.Key}"), Extra = ""u8,
                    });
                }
                else
                {
                    app.Add(new AppEventFields
                    {
                        TimestampMs = ms, EventKey = e.Key, ClientIp = ip, Source = "test"u8, Event = Encoding.UTF8.GetBytes(e.AppEvent),
                        Account = Encoding.UTF8.GetBytes(e.Account), Agency = Encoding.UTF8.GetBytes(e.Agency), SessionId = "s-1"u8,
                        RequestId = Encoding.UTF8.GetBytes($"req-{e.Key}"), CitizenRef = Encoding.UTF8.GetBytes($"ref{e.Key % 40:x17}"),
                        CitizenProvince = "001"u8, Purpose = "1.004227"u8, Result = "found"u8, DefaultPassword = -1, PasswordAgeDays = -1, Extra = ""u8,
                    });
                }
            }

            await store.InsertGatewayEventsAsync(gateway);
            await store.InsertAppEventsAsync(app);
        }
    }

    public IEnumerable<WorldEvent> Of(ActivityEntityKind kind, string name) => Events.Where(e => kind switch
    {
        ActivityEntityKind.Account => e.Account == name,
        ActivityEntityKind.Ip => e.Ip == name,
        _ => e.Agency == name,
    });

    /// <summary>What first/last seen and the totals must be, from the events.</summary>
    public EntitySeen Seen(ActivityEntityKind kind, string name)
    {
        var of = Of(kind, name).ToList();
        return new EntitySeen(
            of.Min(e => Minute(e.At)), of.Max(e => Minute(e.At)),
            (ulong)of.Count(e => e.Table == "gateway"), (ulong)of.Count(e => e.IsLookup));
    }

    /// <summary>What the whole-bucket timeline must be, from the events.</summary>
    public List<ActivityPoint> Timeline(ActivityEntityKind kind, string name, ActivityBucket bucket) =>
        [.. Of(kind, name)
            .GroupBy(e => BucketStart(e.At, bucket))
            .OrderBy(g => g.Key)
            .Select(g => new ActivityPoint(
                g.Key,
                (ulong)g.Count(e => e.Table == "gateway"),
                (ulong)g.Count(e => e.IsLookup),
                (ulong)g.Count(e => e.Table == "app" && e.AppEvent == "login_failed"),
                (ulong)g.Count(e => e.Table == "gateway" && e.Status >= 400)))];

    private static DateTime Minute(DateTime t) => new(t.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, DateTimeKind.Utc);

    private static DateTime BucketStart(DateTime t, ActivityBucket bucket) => bucket switch
    {
        ActivityBucket.Minute => Minute(t),
        ActivityBucket.Hour => new DateTime(t.Ticks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour, DateTimeKind.Utc),
        _ => new DateTime((t.AddHours(7).Ticks / TimeSpan.TicksPerDay * TimeSpan.TicksPerDay), DateTimeKind.Utc).AddHours(-7),
    };
}

/// <summary>One event of the world: gateway request or application event.</summary>
internal sealed record WorldEvent(DateTime At, ulong Key, string Account, string Agency, string Ip, string Table, int Status, string AppEvent)
{
    public bool IsLookup => Table == "app" && AppEvent == "citizen_lookup";
}
