using System.Globalization;
using System.Text;
using LogSentinel.Detect;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Feedback;
using LogSentinel.Detect.Model;
using LogSentinel.Store.Events;
using LogSentinel.Store.Reference;

namespace LogSentinel.Tests.Behaviour;

/// <summary>
/// Synthetic lookups of a few officers over consecutive working days (from Monday 2024-01-08, 08:00-16:00 local time,
/// irregular human spacing), fed to an engine in time order: enough to exercise baselines without the simulator.
/// </summary>
internal static class BehaviourTraffic
{
    public static readonly DateTimeOffset Start = new(2024, 1, 8, 0, 0, 0, TimeSpan.FromHours(7));

    /// <summary>One officer: name, agency code and lookups per working day (index 0 = the first working day).</summary>
    internal sealed record Officer(string Name, string Agency, int[] Daily, string Role = "officer");

    public static ReferenceData Reference(IEnumerable<Officer> officers) =>
        new([.. officers.Select(o => new AccountRecord(o.Name, o.Agency, o.Role, AccountStatus.Active, new DateOnly(2023, 1, 1)))], [], []);

    /// <summary>The events of every officer, sorted by time, as one application batch.</summary>
    public static AppEventBatch Lookups(IReadOnlyList<Officer> officers)
    {
        var events = new List<(long Ts, int Officer, int Index)>();
        for (var o = 0; o < officers.Count; o++)
        {
            var rng = new Random(1000 + o);
            var day = Start;
            for (var d = 0; d < officers[o].Daily.Length; d++)
            {
                while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    day = day.AddDays(1);
                }

                var count = officers[o].Daily[d];
                for (var i = 0; i < count; i++)
                {
                    var ts = day.AddHours(8).AddSeconds(rng.Next(0, 8 * 3600)).ToUnixTimeMilliseconds();
                    events.Add((ts, o, (d * 10_000) + i));
                }

                day = day.AddDays(1);
            }
        }

        events.Sort();
        var batch = new AppEventBatch(events.Count + 1);
        foreach (var (ts, o, index) in events)
        {
            var officer = officers[o];
            var fields = new AppEventFields
            {
                TimestampMs = ts,
                EventKey = (ulong)ts ^ ((ulong)o << 48),
                Event = "citizen_lookup"u8,
                Account = Encoding.UTF8.GetBytes(officer.Name),
                Agency = Encoding.UTF8.GetBytes(officer.Agency),
                ClientIp = IpAddresses.FromIPAddress(System.Net.IPAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"10.9.{o / 200}.{(o % 200) + 10}"))),
                CitizenRef = Encoding.UTF8.GetBytes(((ulong)((o * 7919) + index) * 0x9E3779B97F4A7C15UL).ToString("x16", CultureInfo.InvariantCulture)),
                CitizenProvince = "079"u8,
                Result = "found"u8,
                DefaultPassword = -1,
                PasswordAgeDays = -1,
            };
            batch.Add(in fields);
        }

        return batch;
    }

    /// <summary>Runs the officers' traffic through a fresh engine to the end and returns its alerts.</summary>
    public static (List<DetectedAlert> Alerts, DetectionEngine Engine) Run(
        IReadOnlyList<Officer> officers, BehaviourModels? models = null, FeedbackSet? feedback = null, DetectionOptions? options = null)
    {
        var engine = new DetectionEngine(options ?? new DetectionOptions(), Reference(officers), TimeProvider.System, models ?? BehaviourModels.None, feedback ?? FeedbackSet.Empty);
        var batch = Lookups(officers);
        for (var row = 0; row < batch.Count; row++)
        {
            engine.Add(batch, row);
        }

        engine.Complete();
        var alerts = new List<DetectedAlert>();
        engine.DrainChangedAlerts(alerts);
        return (alerts, engine);
    }

    /// <summary>Steady officers: about <paramref name="level"/> lookups a day with a little day-to-day variation.</summary>
    public static List<Officer> Steady(int count, int days, int level, string agency = "HCM-CCT-Q1")
    {
        var list = new List<Officer>();
        for (var o = 0; o < count; o++)
        {
            var rng = new Random(o + 17);
            list.Add(new Officer(string.Create(CultureInfo.InvariantCulture, $"hcm.cct.officer{o:D2}"), agency,
                [.. Enumerable.Range(0, days).Select(_ => (int)Math.Round(level * Math.Exp((rng.NextDouble() - 0.5) * 0.4)))]));
        }

        return list;
    }
}
