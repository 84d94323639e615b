using LogSentinel.Store.Events;

namespace LogSentinel.Detect.Live;

/// <summary>Copies one parsed event from a batch into another (the ingest batch is cleared once stored).</summary>
internal static class EventRowCopy
{
    public static void Copy(GatewayEventBatch from, int i, GatewayEventBatch to) => to.Add(new GatewayEventFields
    {
        TimestampMs = from.TimestampMs[i],
        EventKey = from.EventKey[i],
        ClientIp = from.ClientIp[i],
        Status = from.Status[i],
        LatencyMs = from.LatencyMs[i],
        BytesOut = from.BytesOut[i],
        Source = from.Source[i],
        Method = from.Method[i],
        Path = from.Path[i],
        UserAgent = from.UserAgent[i],
        Account = from.Account[i],
        Agency = from.Agency[i],
        Api = from.Api[i],
        RequestId = from.RequestId[i],
        Extra = from.Extra[i],
    });

    public static void Copy(AppEventBatch from, int i, AppEventBatch to) => to.Add(new AppEventFields
    {
        TimestampMs = from.TimestampMs[i],
        EventKey = from.EventKey[i],
        ClientIp = from.ClientIp[i],
        Source = from.Source[i],
        Event = from.Event[i],
        Account = from.Account[i],
        Agency = from.Agency[i],
        SessionId = from.SessionId[i],
        RequestId = from.RequestId[i],
        CitizenRef = from.CitizenRef[i],
        CitizenProvince = from.CitizenProvince[i],
        IdDelta = from.IdDelta[i],
        HasIdDelta = from.HasIdDelta[i],
        Purpose = from.Purpose[i],
        Result = from.Result[i],
        DefaultPassword = from.DefaultPassword[i],
        PasswordAgeDays = from.PasswordAgeDays[i],
        Extra = from.Extra[i],
    });
}
