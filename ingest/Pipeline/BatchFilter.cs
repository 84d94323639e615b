using LogSentinel.Store.Events;

namespace LogSentinel.Ingest.Pipeline;

/// <summary>Copies of batches without the events whose keys are already stored (only on re-delivery, so rare).</summary>
internal static class BatchFilter
{
    public static GatewayEventBatch Without(GatewayEventBatch batch, IReadOnlySet<ulong> stored)
    {
        if (stored.Count == 0)
        {
            return batch;
        }

        var kept = new GatewayEventBatch(Math.Max(1, batch.Count));
        for (var i = 0; i < batch.Count; i++)
        {
            if (stored.Contains(batch.EventKey[i]))
            {
                continue;
            }

            kept.Add(new GatewayEventFields
            {
                TimestampMs = batch.TimestampMs[i],
                EventKey = batch.EventKey[i],
                ClientIp = batch.ClientIp[i],
                Status = batch.Status[i],
                LatencyMs = batch.LatencyMs[i],
                BytesOut = batch.BytesOut[i],
                Source = batch.Source[i],
                Method = batch.Method[i],
                Path = batch.Path[i],
                UserAgent = batch.UserAgent[i],
                Account = batch.Account[i],
                Agency = batch.Agency[i],
                Api = batch.Api[i],
                RequestId = batch.RequestId[i],
                Extra = batch.Extra[i],
            });
        }

        return kept;
    }

    public static AppEventBatch Without(AppEventBatch batch, IReadOnlySet<ulong> stored)
    {
        if (stored.Count == 0)
        {
            return batch;
        }

        var kept = new AppEventBatch(Math.Max(1, batch.Count));
        for (var i = 0; i < batch.Count; i++)
        {
            if (stored.Contains(batch.EventKey[i]))
            {
                continue;
            }

            kept.Add(new AppEventFields
            {
                TimestampMs = batch.TimestampMs[i],
                EventKey = batch.EventKey[i],
                ClientIp = batch.ClientIp[i],
                Source = batch.Source[i],
                Event = batch.Event[i],
                Account = batch.Account[i],
                Agency = batch.Agency[i],
                SessionId = batch.SessionId[i],
                RequestId = batch.RequestId[i],
                CitizenRef = batch.CitizenRef[i],
                CitizenProvince = batch.CitizenProvince[i],
                IdDelta = batch.IdDelta[i],
                HasIdDelta = batch.HasIdDelta[i],
                Purpose = batch.Purpose[i],
                Result = batch.Result[i],
                DefaultPassword = batch.DefaultPassword[i],
                PasswordAgeDays = batch.PasswordAgeDays[i],
                Extra = batch.Extra[i],
            });
        }

        return kept;
    }
}
