using System.Text.Json;
using LogSentinel.Ingest.DeadLetters;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Store.Events;

namespace LogSentinel.Ingest.Parsing;

/// <summary>
/// Parses <c>app-json</c> lines (<c>spec/log-formats.md</c> §3) into an <see cref="AppEventBatch"/>. Required:
/// <c>ts</c>, <c>event</c>, <c>account</c>, and <c>citizen_id</c> on <c>citizen_lookup</c>; a JSON <c>null</c> counts as
/// absent. The citizen id never leaves the parser: it is reduced to its province code, its numeric distance to the
/// account's previous look-up, and its keyed pseudonym. Unknown members are kept raw (masked) in <c>Extra</c>.
/// Not safe for concurrent use.
/// </summary>
public sealed class AppJsonParser : ILineParser<AppEventBatch>
{
    private const int Ts = 1;
    private const int Event = 1 << 1;
    private const int Account = 1 << 2;
    private const int Agency = 1 << 3;
    private const int ClientIp = 1 << 4;
    private const int SessionId = 1 << 5;
    private const int RequestId = 1 << 6;
    private const int CitizenIdField = 1 << 7;
    private const int Purpose = 1 << 8;
    private const int Result = 1 << 9;
    private const int DefaultPassword = 1 << 10;
    private const int PasswordAgeDays = 1 << 11;
    private const int Required = Ts | Event | Account;

    private readonly int _maxLineBytes;
    private readonly CitizenIdPseudonymizer _pseudonymizer;
    private readonly AccountLastIdTable _lastIds;
    private readonly ScratchArena _scratch = new(1024);
    private readonly ExtraObjectBuilder _extra = new();
    private readonly byte[] _nameBuffer = new byte[JsonLineValues.MaxEscapedNameLength];

    /// <summary>
    /// Creates a parser that pseudonymizes with <paramref name="pseudonymizer"/> (not owned: the caller disposes it)
    /// under <paramref name="options"/> (defaults when null).
    /// </summary>
    public AppJsonParser(CitizenIdPseudonymizer pseudonymizer, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        options ??= new ParserOptions();
        options.Validate();
        _pseudonymizer = pseudonymizer;
        _maxLineBytes = options.MaxLineBytes;
        _lastIds = new AccountLastIdTable(options.AccountTrackingCapacity);
    }

    /// <inheritdoc/>
    public LogFormat Format => LogFormat.AppJson;

    /// <inheritdoc/>
    public ParseOutcome Parse(ReadOnlySpan<byte> line, in LinePosition position, AppEventBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(position.Source);
        var guard = LineGuard.Check(ref line, _maxLineBytes);
        if (guard != DeadLetterReason.None)
        {
            return ParseOutcome.Fail(guard, LineGuard.LineField);
        }

        _scratch.Reset(line.Length + CitizenIdPseudonymizer.PseudonymLength);
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

    /// <summary>Forgets every account's last looked-up id (for instance when a replay restarts).</summary>
    public void ResetAccountState() => _lastIds.Clear();

    private static int Match(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("ts"u8) => Ts,
        5 when name.SequenceEqual("event"u8) => Event,
        6 when name.SequenceEqual("agency"u8) => Agency,
        6 when name.SequenceEqual("result"u8) => Result,
        7 when name.SequenceEqual("account"u8) => Account,
        7 when name.SequenceEqual("purpose"u8) => Purpose,
        9 when name.SequenceEqual("client_ip"u8) => ClientIp,
        10 when name.SequenceEqual("citizen_id"u8) => CitizenIdField,
        10 when name.SequenceEqual("session_id"u8) => SessionId,
        10 when name.SequenceEqual("request_id"u8) => RequestId,
        16 when name.SequenceEqual("default_password"u8) => DefaultPassword,
        17 when name.SequenceEqual("password_age_days"u8) => PasswordAgeDays,
        _ => 0,
    };

    private static string FieldName(int field) => field switch
    {
        Ts => "ts",
        Event => "event",
        Account => "account",
        Agency => "agency",
        ClientIp => "client_ip",
        SessionId => "session_id",
        RequestId => "request_id",
        CitizenIdField => "citizen_id",
        Purpose => "purpose",
        Result => "result",
        DefaultPassword => "default_password",
        PasswordAgeDays => "password_age_days",
        _ => LineGuard.LineField,
    };

    private static string FirstMissing(int seen)
    {
        var missing = Required & ~seen;
        return FieldName(missing & -missing);
    }

    private ParseOutcome ParseObject(ReadOnlySpan<byte> line, LineSource source, AppEventBatch batch)
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

        var e = new AppEventFields { DefaultPassword = -1, PasswordAgeDays = -1, Source = source.NameUtf8.Span };
        ReadOnlySpan<byte> citizenId = default;
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

            DeadLetterReason reason;
            if (field == CitizenIdField)
            {
                reason = ReadCitizenId(ref reader, out citizenId);
            }
            else
            {
                reason = ReadField(ref reader, field, ref e);
            }

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

        // Detection is per account and per event kind: an empty one is as good as absent.
        if (e.Event.IsEmpty || e.Account.IsEmpty)
        {
            return ParseOutcome.Fail(DeadLetterReason.MissingField, FieldName(e.Event.IsEmpty ? Event : Account));
        }

        if ((seen & CitizenIdField) == 0 && e.Event.SequenceEqual("citizen_lookup"u8))
        {
            return ParseOutcome.Fail(DeadLetterReason.MissingField, FieldName(CitizenIdField));
        }

        // Only a line that parsed whole touches the account state and spends a hash.
        e.Account = AccountField.Protect(e.Account, _pseudonymizer, _scratch);
        if (!citizenId.IsEmpty && CitizenId.TryParse(citizenId, out var numericId))
        {
            e.HasIdDelta = _lastIds.Exchange(e.Account, numericId, out var previousId);
            e.IdDelta = e.HasIdDelta ? numericId - previousId : 0;
            e.CitizenProvince = citizenId[..CitizenId.ProvinceLength];
            var pseudonym = _scratch.Rent(CitizenIdPseudonymizer.PseudonymLength);
            _pseudonymizer.WritePseudonym(citizenId, pseudonym);
            e.CitizenRef = _scratch.Commit(CitizenIdPseudonymizer.PseudonymLength);
        }

        e.EventKey = source.EventKey(line);
        e.Extra = _extra.Complete();
        batch.Add(e);
        return ParseOutcome.Parsed;
    }

    private DeadLetterReason ReadCitizenId(scoped ref Utf8JsonReader reader, out ReadOnlySpan<byte> citizenId)
    {
        if (!JsonLineValues.TryGetString(ref reader, _scratch, out citizenId))
        {
            return DeadLetterReason.WrongType;
        }

        return CitizenId.TryParse(citizenId, out _) ? DeadLetterReason.None : DeadLetterReason.InvalidCitizenId;
    }

    private DeadLetterReason ReadField(ref Utf8JsonReader reader, int field, ref AppEventFields e)
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

            case DefaultPassword:
                if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
                {
                    return DeadLetterReason.WrongType;
                }

                e.DefaultPassword = reader.TokenType == JsonTokenType.True ? (sbyte)1 : (sbyte)0;
                return DeadLetterReason.None;

            case PasswordAgeDays:
                var age = JsonLineValues.TryGetInt(ref reader, 0, int.MaxValue, out var days);
                e.PasswordAgeDays = (int)days;
                return age;

            default:
                if (!JsonLineValues.TryGetString(ref reader, _scratch, out text))
                {
                    return DeadLetterReason.WrongType;
                }

                SetText(field, text, ref e);
                return DeadLetterReason.None;
        }
    }

    private static void SetText(int field, ReadOnlySpan<byte> text, ref AppEventFields e)
    {
        switch (field)
        {
            case Event:
                e.Event = text;
                break;
            case Account:
                e.Account = text;
                break;
            case Agency:
                e.Agency = text;
                break;
            case SessionId:
                e.SessionId = text;
                break;
            case RequestId:
                e.RequestId = text;
                break;
            case Purpose:
                e.Purpose = text;
                break;
            default:
                e.Result = text;
                break;
        }
    }
}
