using LogSentinel.Store.RowBinary;

namespace LogSentinel.Store.Events;

/// <summary>An <see cref="AppEventBatch"/> as rows of the <c>app_events</c> table.</summary>
internal sealed class AppEventRows(string table, AppEventBatch batch) : IRowSource
{
    private static readonly string[] ColumnNames =
    [
        "ts", "event_key", "source", "event", "account", "agency", "client_ip", "session_id", "request_id",
        "citizen_ref", "citizen_province", "id_delta", "purpose", "result", "default_password", "password_age_days", "extra",
    ];

    public string Table => table;

    public IReadOnlyList<string> Columns => ColumnNames;

    public int Count => batch.Count;

    public void WriteRowBinary(RowBinaryWriter writer)
    {
        var ts = batch.TimestampMs;
        var keys = batch.EventKey;
        var ips = batch.ClientIp;
        var idDelta = batch.IdDelta;
        var hasIdDelta = batch.HasIdDelta;
        var defaultPassword = batch.DefaultPassword;
        var passwordAge = batch.PasswordAgeDays;
        for (var i = 0; i < ts.Length; i++)
        {
            writer.WriteDateTime64Ms(ts[i]);
            writer.WriteUInt64(keys[i]);
            writer.WriteString(batch.Source[i]);
            writer.WriteString(batch.Event[i]);
            writer.WriteString(batch.Account[i]);
            writer.WriteString(batch.Agency[i]);
            writer.WriteIPv6(ips[i]);
            writer.WriteString(batch.SessionId[i]);
            writer.WriteString(batch.RequestId[i]);
            writer.WriteString(batch.CitizenRef[i]);
            writer.WriteString(batch.CitizenProvince[i]);
            writer.WriteNullMarker(!hasIdDelta[i]);
            if (hasIdDelta[i])
            {
                writer.WriteInt64(idDelta[i]);
            }

            writer.WriteString(batch.Purpose[i]);
            writer.WriteString(batch.Result[i]);
            writer.WriteNullMarker(defaultPassword[i] < 0);
            if (defaultPassword[i] >= 0)
            {
                writer.WriteBool(defaultPassword[i] == 1);
            }

            writer.WriteNullMarker(passwordAge[i] < 0);
            if (passwordAge[i] >= 0)
            {
                writer.WriteInt32(passwordAge[i]);
            }

            writer.WriteString(batch.Extra[i]);
        }
    }

    public bool WritesNative => true;

    public void WriteNative(NativeBlockWriter writer)
    {
        var count = batch.Count;
        var noIdDelta = new bool[count];
        var noDefaultPassword = new bool[count];
        var defaultPassword = new byte[count];
        var noPasswordAge = new bool[count];
        for (var i = 0; i < count; i++)
        {
            noIdDelta[i] = !batch.HasIdDelta[i];
            noDefaultPassword[i] = batch.DefaultPassword[i] < 0;
            defaultPassword[i] = batch.DefaultPassword[i] == 1 ? (byte)1 : (byte)0;
            noPasswordAge[i] = batch.PasswordAgeDays[i] < 0;
        }

        writer.BeginBlock(ColumnNames.Length, count);
        writer.FixedColumn("ts", "DateTime64(3, 'UTC')", batch.TimestampMs);
        writer.FixedColumn("event_key", "UInt64", batch.EventKey);
        writer.StringColumn("source", batch.Source);
        writer.StringColumn("event", batch.Event);
        writer.StringColumn("account", batch.Account);
        writer.StringColumn("agency", batch.Agency);
        writer.IPv6Column("client_ip", batch.ClientIp);
        writer.StringColumn("session_id", batch.SessionId);
        writer.StringColumn("request_id", batch.RequestId);
        writer.StringColumn("citizen_ref", batch.CitizenRef);
        writer.StringColumn("citizen_province", batch.CitizenProvince);
        writer.NullableColumn("id_delta", "Int64", batch.IdDelta, noIdDelta);
        writer.StringColumn("purpose", batch.Purpose);
        writer.StringColumn("result", batch.Result);
        writer.NullableColumn<byte>("default_password", "Bool", defaultPassword, noDefaultPassword);
        writer.NullableColumn("password_age_days", "Int32", batch.PasswordAgeDays, noPasswordAge);
        writer.StringColumn("extra", batch.Extra);
    }

    public IEnumerable<object?[]> ToValues()
    {
        for (var i = 0; i < batch.Count; i++)
        {
            yield return
            [
                DateTime.UnixEpoch.AddMilliseconds(batch.TimestampMs[i]),
                batch.EventKey[i],
                batch.Source.GetString(i),
                batch.Event.GetString(i),
                batch.Account.GetString(i),
                batch.Agency.GetString(i),
                IpAddresses.ToIPAddress(batch.ClientIp[i]),
                batch.SessionId.GetString(i),
                batch.RequestId.GetString(i),
                batch.CitizenRef.GetString(i),
                batch.CitizenProvince.GetString(i),
                batch.HasIdDelta[i] ? batch.IdDelta[i] : null,
                batch.Purpose.GetString(i),
                batch.Result.GetString(i),
                batch.DefaultPassword[i] < 0 ? null : batch.DefaultPassword[i] == 1,
                batch.PasswordAgeDays[i] < 0 ? null : batch.PasswordAgeDays[i],
                batch.Extra.GetString(i),
            ];
        }
    }
}
