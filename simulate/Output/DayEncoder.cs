using LogSentinel.Simulate.Events;
using LogSentinel.Simulate.Randomness;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate.Output;

/// <summary>
/// Turns a sorted day of <see cref="SimEvent"/>s into gateway and application lines, straight into pooled UTF-8
/// buffers. One instance per worker: it keeps scratch arrays between days.
/// </summary>
internal sealed class DayEncoder(WorldModel world, GatewayFormat format)
{
    private const int BatchBytes = 4 << 20;

    /// <summary>Keeps the application time close to the gateway's (the app logs once it has the answer).</summary>
    private const int MaxAppDelayMs = 250;

    private ulong[] _appOrder = new ulong[1 << 14];

    public DayOutput Encode(EventBuffer buffer)
    {
        var output = new DayOutput(buffer.Day);
        var clock = new DayClock(world.Calendar.Date(buffer.Day), buffer.DayStartMs);
        var events = buffer.Events;
        var order = buffer.Order;

        var batch = new EventBatch(LogKind.Gateway, BatchBytes);
        output.Gateway.Add(batch);
        for (var i = 0; i < order.Length; i++)
        {
            var index = (int)(uint)order[i];
            if (!batch.HasRoom)
            {
                batch = new EventBatch(LogKind.Gateway, BatchBytes);
                output.Gateway.Add(batch);
            }

            ref readonly var e = ref events[index];
            var dest = batch.Free;
            var length = format == GatewayFormat.Json
                ? WriteGatewayJson(dest, in e, clock, RequestId(buffer.Day, index))
                : WriteGatewayCombined(dest, in e, clock, RequestId(buffer.Day, index));
            batch.Commit(length, e.TimeMs);
        }

        output.GatewayLines = order.Length;
        output.AppLines = EncodeApp(buffer, clock, output);
        return output;
    }

    private long EncodeApp(EventBuffer buffer, DayClock clock, DayOutput output)
    {
        var events = buffer.Events;
        if (_appOrder.Length < events.Length)
        {
            _appOrder = new ulong[events.Length * 2];
        }

        // The application logs a moment after the gateway received the request; re-sort on that time.
        var count = 0;
        var lastMs = buffer.DayEndMs - 1;
        for (var i = 0; i < events.Length; i++)
        {
            ref readonly var e = ref events[i];
            if (e.Kind == EventKind.Flood)
            {
                continue;
            }

            var appMs = Math.Min(AppTime(in e), lastMs);
            _appOrder[count++] = ((ulong)(appMs - buffer.DayStartMs) << 32) | (uint)i;
        }

        Array.Sort(_appOrder, 0, count);
        var batch = new EventBatch(LogKind.App, BatchBytes);
        output.App.Add(batch);
        for (var k = 0; k < count; k++)
        {
            var index = (int)(uint)_appOrder[k];
            var appMs = buffer.DayStartMs + (long)(_appOrder[k] >> 32);
            if (!batch.HasRoom)
            {
                batch = new EventBatch(LogKind.App, BatchBytes);
                output.App.Add(batch);
            }

            var length = WriteApp(batch.Free, in events[index], clock, appMs, RequestId(buffer.Day, index));
            batch.Commit(length, appMs);
        }

        return count;
    }

    private static long AppTime(in SimEvent e) => e.TimeMs + 1 + Math.Min(e.LatencyMs * 3 / 5, MaxAppDelayMs);

    private ulong RequestId(int day, int index) => SeedMixer.Mix(world.Seed, StreamPurpose.RequestId, (ulong)day, (ulong)index);

    private int WriteGatewayJson(Span<byte> d, in SimEvent e, DayClock clock, ulong requestId)
    {
        var p = 0;
        Utf8Text.Append(d, ref p, "{\"ts\":\""u8);
        clock.WriteRfc3339(d, ref p, e.TimeMs);
        var authenticated = e.Account >= 0;
        if (authenticated)
        {
            Utf8Text.Append(d, ref p, "\",\"request_id\":\""u8);
            Utf8Text.Hex(d, ref p, requestId, 16);
        }

        Utf8Text.Append(d, ref p, "\",\"client_ip\":\""u8);
        Utf8Text.Ip(d, ref p, e.ClientIp);
        Utf8Text.Append(d, ref p, "\",\"method\":\""u8);
        Utf8Text.Append(d, ref p, Endpoints.Method(e.Kind, e.Purpose));
        Utf8Text.Append(d, ref p, "\",\"path\":\""u8);
        Utf8Text.Append(d, ref p, Endpoints.Path(e.Kind, e.Purpose));
        Utf8Text.Append(d, ref p, "\",\"status\":"u8);
        Utf8Text.Number(d, ref p, e.Status);
        Utf8Text.Append(d, ref p, ",\"latency_ms\":"u8);
        Utf8Text.Number(d, ref p, e.LatencyMs);
        Utf8Text.Append(d, ref p, ",\"bytes_out\":"u8);
        Utf8Text.Number(d, ref p, e.BytesOut);
        Utf8Text.Append(d, ref p, ",\"user_agent\":\""u8);
        Utf8Text.Append(d, ref p, UserAgents.Utf8[e.UserAgent]);
        if (authenticated)
        {
            var account = world.Accounts[e.Account];
            Utf8Text.Append(d, ref p, "\",\"account\":\""u8);
            Utf8Text.Append(d, ref p, account.NameUtf8);
            Utf8Text.Append(d, ref p, "\",\"agency\":\""u8);
            Utf8Text.Append(d, ref p, account.Agency.CodeUtf8);
            Utf8Text.Append(d, ref p, "\",\"api\":\""u8);
            Utf8Text.Append(d, ref p, Endpoints.Api(e.Kind));
        }

        Utf8Text.Append(d, ref p, "\"}\n"u8);
        return p;
    }

    private int WriteGatewayCombined(Span<byte> d, in SimEvent e, DayClock clock, ulong requestId)
    {
        var p = 0;
        Utf8Text.Ip(d, ref p, e.ClientIp);
        Utf8Text.Append(d, ref p, " - "u8);
        var authenticated = e.Account >= 0;
        Utf8Text.Append(d, ref p, authenticated ? world.Accounts[e.Account].NameUtf8 : "-"u8);
        Utf8Text.Append(d, ref p, " ["u8);
        clock.WriteCommonLog(d, ref p, e.TimeMs);
        Utf8Text.Append(d, ref p, "] \""u8);
        Utf8Text.Append(d, ref p, Endpoints.Method(e.Kind, e.Purpose));
        Utf8Text.Append(d, ref p, (byte)' ');
        Utf8Text.Append(d, ref p, Endpoints.Path(e.Kind, e.Purpose));
        Utf8Text.Append(d, ref p, " HTTP/1.1\" "u8);
        Utf8Text.Number(d, ref p, e.Status);
        Utf8Text.Append(d, ref p, (byte)' ');
        Utf8Text.Number(d, ref p, e.BytesOut);
        Utf8Text.Append(d, ref p, " \"-\" \""u8);
        Utf8Text.Append(d, ref p, UserAgents.Utf8[e.UserAgent]);
        Utf8Text.Append(d, ref p, "\" "u8);
        Utf8Text.Number(d, ref p, e.LatencyMs / 1000);
        Utf8Text.Append(d, ref p, (byte)'.');
        Utf8Text.ThreeDigits(d, ref p, e.LatencyMs % 1000);
        Utf8Text.Append(d, ref p, " \""u8);
        if (authenticated)
        {
            Utf8Text.Hex(d, ref p, requestId, 16);
        }
        else
        {
            Utf8Text.Append(d, ref p, (byte)'-');
        }

        Utf8Text.Append(d, ref p, "\"\n"u8);
        return p;
    }

    private int WriteApp(Span<byte> d, in SimEvent e, DayClock clock, long appMs, ulong requestId)
    {
        var account = world.Accounts[e.Account];
        var p = 0;
        Utf8Text.Append(d, ref p, "{\"ts\":\""u8);
        clock.WriteRfc3339(d, ref p, appMs);
        Utf8Text.Append(d, ref p, "\",\"event\":\""u8);
        Utf8Text.Append(d, ref p, Endpoints.AppEvent(e.Kind));
        Utf8Text.Append(d, ref p, "\",\"account\":\""u8);
        Utf8Text.Append(d, ref p, account.NameUtf8);
        Utf8Text.Append(d, ref p, "\",\"agency\":\""u8);
        Utf8Text.Append(d, ref p, account.Agency.CodeUtf8);
        Utf8Text.Append(d, ref p, "\",\"client_ip\":\""u8);
        Utf8Text.Ip(d, ref p, e.ClientIp);
        if (e.SessionId != 0)
        {
            Utf8Text.Append(d, ref p, "\",\"session_id\":\"s-"u8);
            Utf8Text.Hex(d, ref p, e.SessionId, 12);
        }

        Utf8Text.Append(d, ref p, "\",\"request_id\":\""u8);
        Utf8Text.Hex(d, ref p, requestId, 16);
        switch (e.Kind)
        {
            case EventKind.Lookup:
                Utf8Text.Append(d, ref p, "\",\"citizen_id\":\""u8);
                World.CitizenIds.Write(e.CitizenId, d[p..]);
                p += 12;
                Utf8Text.Append(d, ref p, "\",\"purpose\":\""u8);
                Utf8Text.Append(d, ref p, account.Agency.Purposes[e.Purpose]);
                Utf8Text.Append(d, ref p, "\",\"result\":\""u8);
                Utf8Text.Append(d, ref p, Endpoints.Result(e.Result));
                Utf8Text.Append(d, ref p, "\"}\n"u8);
                break;
            case EventKind.Login:
                Utf8Text.Append(d, ref p, e.DefaultPassword ? "\",\"default_password\":true"u8 : "\",\"default_password\":false"u8);
                Utf8Text.Append(d, ref p, ",\"password_age_days\":"u8);
                Utf8Text.Number(d, ref p, e.PasswordAgeDays);
                Utf8Text.Append(d, ref p, "}\n"u8);
                break;
            default:
                Utf8Text.Append(d, ref p, "\"}\n"u8);
                break;
        }

        return p;
    }
}
