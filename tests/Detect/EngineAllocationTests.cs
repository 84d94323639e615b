using System.Text;
using LogSentinel.Detect;
using LogSentinel.Detect.Engine;
using LogSentinel.Store.Events;

namespace LogSentinel.Tests.Detect;

/// <summary>The engine's hot path: once every entity has been met, consuming events allocates (almost) nothing.</summary>
public sealed class EngineAllocationTests
{
    private static readonly long T0 = new DateTimeOffset(2024, 1, 10, 8, 0, 0, TimeSpan.FromHours(7)).ToUnixTimeMilliseconds();

    [Fact]
    public void Add_SteadyTrafficOfKnownEntities_AllocatesUnderEightBytesPerEvent()
    {
        var engine = new DetectionEngine(new DetectionOptions(), ReferenceData.Empty, TimeProvider.System);
        var app = new AppEventBatch(40_000);
        var gateway = new GatewayEventBatch(40_000);
        for (var i = 0; i < 40_000; i++)
        {
            // Two hours of 40 officers at their own desks, each making a lookup and a gateway request every ~7 s at
            // irregular (human) spacing, so no detector fires and only the hot path runs.
            var ts = T0 + (i * 180L);
            var who = (int)((uint)(i * 2654435761u) >> 16) % 40;
            var account = Encoding.UTF8.GetBytes("officer" + who);
            var ip = IpAddresses.FromIPAddress(System.Net.IPAddress.Parse("10.1.0." + who));
            var fields = new AppEventFields
            {
                TimestampMs = ts, EventKey = (ulong)i, Event = "citizen_lookup"u8.ToArray(), Account = account, Agency = "A1"u8.ToArray(), ClientIp = ip,
                CitizenRef = Encoding.UTF8.GetBytes(((ulong)i * 7919).ToString("x16", System.Globalization.CultureInfo.InvariantCulture)),
                DefaultPassword = -1, PasswordAgeDays = -1,
            };
            app.Add(in fields);
            var request = new GatewayEventFields
            {
                TimestampMs = ts, EventKey = (ulong)i, Account = account, Agency = "A1"u8.ToArray(), ClientIp = ip, Api = "/api/v1/citizens"u8.ToArray(),
                UserAgent = "Mozilla/5.0 (Windows NT 10.0)"u8.ToArray(), Status = 200, LatencyMs = 20,
            };
            gateway.Add(in request);
        }

        for (var row = 0; row < 20_000; row++)
        {
            engine.Add(app, row);
            engine.Add(gateway, row);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var row = 20_000; row < 40_000; row++)
        {
            engine.Add(app, row);
            engine.Add(gateway, row);
        }

        var perEvent = (GC.GetAllocatedBytesForCurrentThread() - before) / 40_000.0;
        Assert.True(perEvent < 8, $"{perEvent:F1} bytes allocated per event; alerts: {string.Join(",", engine.Stats.AlertsByType)}");
    }
}
