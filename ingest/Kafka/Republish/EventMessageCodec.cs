using System.Buffers.Binary;
using System.Globalization;
using LogSentinel.Store.Events;

namespace LogSentinel.Ingest.Kafka.Republish;

/// <summary>
/// The binary format of the internal topics: one message carries many parsed events, only the columns the detection
/// engine reads (citizen ids only as their pseudonyms, as stored).
/// </summary>
/// <remarks>
/// Layout, little-endian: a format version byte (1), an int32 event count, then per event a kind byte (1 gateway,
/// 2 application), int64 event time (Unix ms), uint64 event key, 16 bytes of client address, and strings as a 7-bit
/// encoded length and UTF-8 bytes: account, agency; a gateway event then has api, user agent, uint16 status and
/// float32 latency; an application event has event name, session id, citizen pseudonym, citizen province,
/// int64 id delta, a has-delta byte, a default-password sbyte, int32 password age and result. A reader refuses any
/// other version, so a format change needs a new version and readers that know it before writers use it.
/// </remarks>
internal static class EventMessageCodec
{
    /// <summary>The version written.</summary>
    public const byte Version = 1;

    private const byte GatewayKind = 1;
    private const byte AppKind = 2;

    /// <summary>Starts a message in <paramref name="buffer"/> (the count is filled in by <see cref="Finish"/>).</summary>
    public static void Begin(MessageBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.Clear();
        buffer.Byte(Version);
        buffer.Int32(0);
    }

    /// <summary>Ends the message begun in <paramref name="buffer"/> with <paramref name="count"/> events.</summary>
    public static void Finish(MessageBuffer buffer, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.PatchInt32(1, count);
    }

    public static void WriteGateway(MessageBuffer buffer, GatewayEventBatch batch, int row)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(batch);
        buffer.Byte(GatewayKind);
        buffer.Int64(batch.TimestampMs[row]);
        buffer.UInt64(batch.EventKey[row]);
        buffer.UInt128(batch.ClientIp[row]);
        buffer.Text(batch.Account[row]);
        buffer.Text(batch.Agency[row]);
        buffer.Text(batch.Api[row]);
        buffer.Text(batch.UserAgent[row]);
        buffer.UInt16(batch.Status[row]);
        buffer.Single(batch.LatencyMs[row]);
    }

    public static void WriteApp(MessageBuffer buffer, AppEventBatch batch, int row)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(batch);
        buffer.Byte(AppKind);
        buffer.Int64(batch.TimestampMs[row]);
        buffer.UInt64(batch.EventKey[row]);
        buffer.UInt128(batch.ClientIp[row]);
        buffer.Text(batch.Account[row]);
        buffer.Text(batch.Agency[row]);
        buffer.Text(batch.Event[row]);
        buffer.Text(batch.SessionId[row]);
        buffer.Text(batch.CitizenRef[row]);
        buffer.Text(batch.CitizenProvince[row]);
        buffer.Int64(batch.IdDelta[row]);
        buffer.Byte(batch.HasIdDelta[row] ? (byte)1 : (byte)0);
        buffer.Byte(unchecked((byte)batch.DefaultPassword[row]));
        buffer.Int32(batch.PasswordAgeDays[row]);
        buffer.Text(batch.Result[row]);
    }

    /// <summary>
    /// Appends the message's events to <paramref name="gateway"/> and <paramref name="app"/>, and to
    /// <paramref name="order"/> which of them came in which order (true: application). Throws
    /// <see cref="InvalidDataException"/> naming <paramref name="where"/> on an unknown version or a damaged message.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> message, GatewayEventBatch gateway, AppEventBatch app, List<bool> order, string where)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(order);
        if (message.IsEmpty)
        {
            throw new InvalidDataException($"{where}: empty message; expected an event batch of format version {Version}.");
        }

        if (message[0] != Version)
        {
            throw new InvalidDataException(string.Create(
                CultureInfo.InvariantCulture, $"{where}: event batch of format version {message[0]}; this version of LogSentinel reads version {Version} only. Upgrade detect before ingest."));
        }

        var reader = new Reader(message, where);
        reader.Byte();
        var count = reader.Int32();
        if (count < 0)
        {
            throw reader.Damaged();
        }

        for (var i = 0; i < count; i++)
        {
            var kind = reader.Byte();
            var ts = reader.Int64();
            var key = reader.UInt64();
            var ip = reader.UInt128();
            var account = reader.Text();
            var agency = reader.Text();
            if (kind == GatewayKind)
            {
                gateway.Add(new GatewayEventFields
                {
                    TimestampMs = ts,
                    EventKey = key,
                    ClientIp = ip,
                    Account = account,
                    Agency = agency,
                    Api = reader.Text(),
                    UserAgent = reader.Text(),
                    Status = reader.UInt16(),
                    LatencyMs = reader.Single(),
                });
                order.Add(false);
            }
            else if (kind == AppKind)
            {
                app.Add(new AppEventFields
                {
                    TimestampMs = ts,
                    EventKey = key,
                    ClientIp = ip,
                    Account = account,
                    Agency = agency,
                    Event = reader.Text(),
                    SessionId = reader.Text(),
                    CitizenRef = reader.Text(),
                    CitizenProvince = reader.Text(),
                    IdDelta = reader.Int64(),
                    HasIdDelta = reader.Byte() != 0,
                    DefaultPassword = unchecked((sbyte)reader.Byte()),
                    PasswordAgeDays = reader.Int32(),
                    Result = reader.Text(),
                });
                order.Add(true);
            }
            else
            {
                throw reader.Damaged();
            }
        }

        if (!reader.AtEnd)
        {
            throw reader.Damaged();
        }

        return count;
    }

    private ref struct Reader(ReadOnlySpan<byte> data, string where)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _at;

        public readonly bool AtEnd => _at == _data.Length;

        public byte Byte() => Take(1)[0];

        public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

        public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

        public UInt128 UInt128() => BinaryPrimitives.ReadUInt128LittleEndian(Take(16));

        public float Single() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

        public ReadOnlySpan<byte> Text()
        {
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (shift > 28)
                {
                    throw Damaged();
                }

                var b = Byte();
                length |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            return length < 0 ? throw Damaged() : Take(length);
        }

        public readonly InvalidDataException Damaged() => new(string.Create(
            CultureInfo.InvariantCulture, $"{where}: damaged event batch (format version {Version}) at byte {_at} of {_data.Length}."));

        private ReadOnlySpan<byte> Take(int length)
        {
            if (_data.Length - _at < length)
            {
                throw Damaged();
            }

            var span = _data.Slice(_at, length);
            _at += length;
            return span;
        }
    }
}
