using System.Text.Json;
using LogSentinel.Ingest.DeadLetters;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Store.Events;

namespace LogSentinel.Ingest.Parsing;

/// <summary>
/// Parses <c>gateway-json</c> lines (one JSON object per line, <c>spec/log-formats.md</c> §1) into a
/// <see cref="GatewayEventBatch"/>. Required: <c>ts</c>, <c>client_ip</c>, <c>method</c>, <c>path</c>, <c>status</c>;
/// a JSON <c>null</c> counts as absent. Unknown members are kept raw in <c>Extra</c>; an account that is a citizen id is
/// pseudonymized (<see cref="AccountPseudonyms"/>). Not safe for concurrent use.
/// </summary>
public sealed class GatewayJsonParser : ILineParser<GatewayEventBatch>
{
    private const int Ts = 1;
    private const int ClientIp = 1 << 1;
    private const int Method = 1 << 2;
    private const int PathField = 1 << 3;
    private const int Status = 1 << 4;
    private const int LatencyMs = 1 << 5;
    private const int BytesOut = 1 << 6;
    private const int UserAgent = 1 << 7;
    private const int Account = 1 << 8;
    private const int Agency = 1 << 9;
    private const int Api = 1 << 10;
    private const int RequestId = 1 << 11;
    private const int Required = Ts | ClientIp | Method | PathField | Status;

    private readonly CitizenIdPseudonymizer _pseudonymizer;
    private readonly int _maxLineBytes;
    private readonly ScratchArena _scratch;
    private readonly ExtraObjectBuilder _extra = new();
    private readonly byte[] _nameBuffer = new byte[JsonLineValues.MaxEscapedNameLength];

    /// <summary>
    /// Creates a parser with <paramref name="options"/> (defaults when null); accounts that are citizen ids are
    /// pseudonymized with <paramref name="pseudonymizer"/> (not owned).
    /// </summary>
    public GatewayJsonParser(CitizenIdPseudonymizer pseudonymizer, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        _pseudonymizer = pseudonymizer;
        options ??= new ParserOptions();
        options.Validate();
        _maxLineBytes = options.MaxLineBytes;
        _scratch = new ScratchArena(1024);
    }

    /// <inheritdoc/>
    public LogFormat Format => LogFormat.GatewayJson;

    /// <inheritdoc/>
    public ParseOutcome Parse(ReadOnlySpan<byte> line, in LinePosition position, GatewayEventBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(position.Source);
        var guard = LineGuard.Check(ref line, _maxLineBytes);
        if (guard != DeadLetterReason.None)
        {
            return ParseOutcome.Fail(guard, LineGuard.LineField);
        }

        _scratch.Reset(line.Length);
        _extra.Reset();
        try
        {
            return ParseObject(line, position.Source, batch);
        }
        catch (JsonException)
        {
            // Utf8JsonReader reports syntax errors by throwing; truncation (the common failure) is detected without.
            return ParseOutcome.Fail(DeadLetterReason.MalformedJson, LineGuard.LineField);
        }
        catch (InvalidOperationException)
        {
            // An escape that decodes to an invalid surrogate.
            return ParseOutcome.Fail(DeadLetterReason.MalformedJson, LineGuard.LineField);
        }
    }

    private static int Match(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("ts"u8) => Ts,
        3 when name.SequenceEqual("api"u8) => Api,
        4 when name.SequenceEqual("path"u8) => PathField,
        6 when name.SequenceEqual("method"u8) => Method,
        6 when name.SequenceEqual("status"u8) => Status,
        6 when name.SequenceEqual("agency"u8) => Agency,
        7 when name.SequenceEqual("account"u8) => Account,
        9 when name.SequenceEqual("client_ip"u8) => ClientIp,
        9 when name.SequenceEqual("bytes_out"u8) => BytesOut,
        10 when name.SequenceEqual("latency_ms"u8) => LatencyMs,
        10 when name.SequenceEqual("user_agent"u8) => UserAgent,
        10 when name.SequenceEqual("request_id"u8) => RequestId,
        _ => 0,
    };

    private static string FieldName(int field) => field switch
    {
        Ts => "ts",
        ClientIp => "client_ip",
        Method => "method",
        PathField => "path",
        Status => "status",
        LatencyMs => "latency_ms",
        BytesOut => "bytes_out",
        UserAgent => "user_agent",
        Account => "account",
        Agency => "agency",
        Api => "api",
        RequestId => "request_id",
        _ => LineGuard.LineField,
    };

    private static string FirstMissing(int seen)
    {
        var missing = Required & ~seen;
        return FieldName(missing & -missing);
    }

    private ParseOutcome ParseObject(ReadOnlySpan<byte> line, LineSource source, GatewayEventBatch batch)
    {
        // Not the final block: a line cut short makes Read() return false instead of throwing.
        var reader = new Utf8JsonReader(line, isFinalBlock: false, state: default);
        if (!reader.Read())
        {
            return ParseOutcome.Fail(DeadLetterReason.TruncatedJson, LineGuard.LineField);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return ParseOutcome.Fail(DeadLetterReason.MalformedJson, LineGuard.LineField);
        }

        var e = new GatewayEventFields { LatencyMs = float.NaN, Source = source.NameUtf8.Span };
        var seen = 0;
        while (true)
        {
            if (!reader.Read())
            {
                return ParseOutcome.Fail(DeadLetterReason.TruncatedJson, LineGuard.LineField);
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var memberStart = (int)reader.TokenStartIndex;
            var field = Match(JsonLineValues.PropertyName(ref reader, _nameBuffer));
            if (!reader.Read())
            {
                return ParseOutcome.Fail(DeadLetterReason.TruncatedJson, FieldName(field));
            }

            if (field == 0)
            {
                if (!reader.TrySkip())
                {
                    return ParseOutcome.Fail(DeadLetterReason.TruncatedJson, LineGuard.LineField);
                }

                _extra.AppendRawMember(line[memberStart..(int)reader.BytesConsumed]);
                continue;
            }

            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            var reason = ReadField(ref reader, field, ref e);
            if (reason != DeadLetterReason.None)
            {
                return ParseOutcome.Fail(reason, FieldName(field));
            }

            seen |= field;
        }

        if (reader.BytesConsumed != line.Length)
        {
            return ParseOutcome.Fail(DeadLetterReason.MalformedJson, LineGuard.LineField);
        }

        if ((seen & Required) != Required)
        {
            return ParseOutcome.Fail(DeadLetterReason.MissingField, FirstMissing(seen));
        }

        // An empty method or path names no request: as good as absent.
        if (e.Method.IsEmpty || e.Path.IsEmpty)
        {
            return ParseOutcome.Fail(DeadLetterReason.MissingField, FieldName(e.Method.IsEmpty ? Method : PathField));
        }

        e.Account = AccountField.Protect(e.Account, _pseudonymizer, _scratch);
        e.EventKey = source.EventKey(line);
        e.Extra = _extra.Complete();
        batch.Add(e);
        return ParseOutcome.Parsed;
    }

    private DeadLetterReason ReadField(ref Utf8JsonReader reader, int field, ref GatewayEventFields e)
    {
        ReadOnlySpan<byte> text;
        switch (field)
        {
            case Ts:
                if (!JsonLineValues.TryGetString(ref reader, _scratch, out text))
                {
                    return DeadLetterReason.WrongType;
                }

                var timestamp = Rfc3339Timestamp.Parse(text, out var unixMs);
                e.TimestampMs = unixMs;
                return timestamp;

            case ClientIp:
                if (!JsonLineValues.TryGetString(ref reader, _scratch, out text))
                {
                    return DeadLetterReason.WrongType;
                }

                if (!IpAddressParser.TryParse(text, out var ip))
                {
                    return DeadLetterReason.InvalidIp;
                }

                e.ClientIp = ip;
                return DeadLetterReason.None;

            case Status:
                var status = JsonLineValues.TryGetInt(ref reader, 0, 999, out var code);
                e.Status = (ushort)code;
                return status;

            case LatencyMs:
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var latency))
                {
                    return DeadLetterReason.WrongType;
                }

                if (!double.IsFinite(latency) || latency < 0)
                {
                    return DeadLetterReason.OutOfRange;
                }

                e.LatencyMs = (float)latency;
                return DeadLetterReason.None;

            case BytesOut:
                var bytesOut = JsonLineValues.TryGetInt(ref reader, 0, long.MaxValue, out var size);
                e.BytesOut = (ulong)size;
                return bytesOut;

            case PathField:
                if (!JsonLineValues.TryGetString(ref reader, _scratch, out text))
                {
                    return DeadLetterReason.WrongType;
                }

                e.Path = JsonLineValues.CleanPath(text, _scratch);
                return DeadLetterReason.None;

            default:
                if (!JsonLineValues.TryGetString(ref reader, _scratch, out text))
                {
                    return DeadLetterReason.WrongType;
                }

                SetText(field, text, ref e);
                return DeadLetterReason.None;
        }
    }

    private static void SetText(int field, ReadOnlySpan<byte> text, ref GatewayEventFields e)
    {
        switch (field)
        {
            case Method:
                e.Method = text;
                break;
            case UserAgent:
                e.UserAgent = text;
                break;
            case Account:
                e.Account = text;
                break;
            case Agency:
                e.Agency = text;
                break;
            case Api:
                e.Api = text;
                break;
            default:
                e.RequestId = text;
                break;
        }
    }
}
