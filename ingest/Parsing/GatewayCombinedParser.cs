using System.Buffers.Text;
using System.Text.Unicode;
using LogSentinel.Ingest.DeadLetters;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Store.Events;

namespace LogSentinel.Ingest.Parsing;

/// <summary>
/// Parses <c>gateway-combined</c> lines (<c>spec/log-formats.md</c> §2):
/// <c>$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"</c>
/// optionally followed by <c> $request_time "$http_x_request_id"</c>, into a <see cref="GatewayEventBatch"/>.
/// </summary>
/// <remarks>
/// <c>$remote_user</c> <c>-</c> means no account; <c>$request_time</c> (seconds) becomes milliseconds; the request line
/// gives the method and the path without its query string. Quoted fields are decoded from NGINX's <c>\xHH</c> (and
/// Apache's <c>\"</c>) escapes when the result is valid UTF-8. A referer other than <c>-</c>, and anything after the
/// known fields, go to <c>Extra</c> as <c>{"http_referer":…,"unparsed":…}</c>. Not safe for concurrent use.
/// </remarks>
public sealed class GatewayCombinedParser : ILineParser<GatewayEventBatch>
{
    private const string RemoteAddr = "remote_addr";
    private const string Ident = "ident";
    private const string RemoteUser = "remote_user";
    private const string TimeLocal = "time_local";
    private const string Request = "request";
    private const string Status = "status";
    private const string BodyBytesSent = "body_bytes_sent";
    private const string HttpReferer = "http_referer";
    private const string HttpUserAgent = "http_user_agent";
    private const string RequestTime = "request_time";
    private const string HttpXRequestId = "http_x_request_id";

    private readonly CitizenIdPseudonymizer _pseudonymizer;
    private readonly int _maxLineBytes;
    private readonly ScratchArena _scratch = new(1024);
    private readonly ExtraObjectBuilder _extra = new();

    /// <summary>
    /// Creates a parser with <paramref name="options"/> (defaults when null); accounts that are citizen ids are
    /// pseudonymized with <paramref name="pseudonymizer"/> (not owned).
    /// </summary>
    public GatewayCombinedParser(CitizenIdPseudonymizer pseudonymizer, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        _pseudonymizer = pseudonymizer;
        options ??= new ParserOptions();
        options.Validate();
        _maxLineBytes = options.MaxLineBytes;
    }

    /// <inheritdoc/>
    public LogFormat Format => LogFormat.GatewayCombined;

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
        return ParseLine(line, position.Source, batch);
    }

    private ParseOutcome ParseLine(ReadOnlySpan<byte> line, LineSource source, GatewayEventBatch batch)
    {
        var e = new GatewayEventFields { LatencyMs = float.NaN, Source = source.NameUtf8.Span };
        var i = 0;

        if (!TryToken(line, ref i, out var token))
        {
            return Broken(line, i, RemoteAddr);
        }

        if (!IpAddressParser.TryParse(token, out var ip))
        {
            return ParseOutcome.Fail(DeadLetterReason.InvalidIp, RemoteAddr);
        }

        e.ClientIp = ip;
        if (!TryToken(line, ref i, out _))
        {
            return Broken(line, i, Ident);
        }

        if (!TryToken(line, ref i, out token))
        {
            return Broken(line, i, RemoteUser);
        }

        e.Account = token.SequenceEqual("-"u8) ? default : token;

        if (i >= line.Length || line[i] != (byte)'[')
        {
            return Broken(line, i, TimeLocal);
        }

        var close = line[i..].IndexOf((byte)']');
        if (close < 0)
        {
            return ParseOutcome.Fail(DeadLetterReason.TruncatedLine, TimeLocal);
        }

        var timestamp = CombinedTimestamp.Parse(line.Slice(i + 1, close - 1), out var unixMs);
        if (timestamp != DeadLetterReason.None)
        {
            return ParseOutcome.Fail(timestamp, TimeLocal);
        }

        e.TimestampMs = unixMs;
        i += close + 1;

        if (!TrySpace(line, ref i) || !TryQuoted(line, ref i, out var request))
        {
            return Broken(line, i, Request);
        }

        if (!TrySplitRequest(Decode(request), out var method, out var target))
        {
            return ParseOutcome.Fail(DeadLetterReason.MalformedLine, Request);
        }

        e.Method = method;
        e.Path = JsonLineValues.CleanPath(target, _scratch);

        if (!TrySpace(line, ref i) || !TryToken(line, ref i, out token))
        {
            return Broken(line, i, Status);
        }

        if (!TryDigits(token, out var status))
        {
            return ParseOutcome.Fail(DeadLetterReason.WrongType, Status);
        }

        if (status > 999)
        {
            return ParseOutcome.Fail(DeadLetterReason.OutOfRange, Status);
        }

        e.Status = (ushort)status;
        if (!TryToken(line, ref i, out token))
        {
            return Broken(line, i, BodyBytesSent);
        }

        if (!token.SequenceEqual("-"u8))
        {
            if (!TryDigits(token, out var bytesOut))
            {
                return ParseOutcome.Fail(DeadLetterReason.WrongType, BodyBytesSent);
            }

            e.BytesOut = bytesOut;
        }

        if (!TryQuoted(line, ref i, out var referer))
        {
            return Broken(line, i, HttpReferer);
        }

        if (!referer.SequenceEqual("-"u8) && !referer.IsEmpty)
        {
            _extra.AppendStringMember("http_referer"u8, Decode(referer));
        }

        if (!TrySpace(line, ref i) || !TryQuoted(line, ref i, out var userAgent))
        {
            return Broken(line, i, HttpUserAgent);
        }

        e.UserAgent = userAgent.SequenceEqual("-"u8) ? default : Decode(userAgent);

        var optional = ReadOptionalFields(line, ref i, ref e);
        if (!optional.IsSuccess)
        {
            return optional;
        }

        e.Account = AccountField.Protect(e.Account, _pseudonymizer, _scratch);
        e.EventKey = source.EventKey(line);
        e.Extra = _extra.Complete();
        batch.Add(e);
        return ParseOutcome.Parsed;
    }

    /// <summary>The <c>$request_time "$http_x_request_id"</c> extension; whatever follows it goes to Extra.</summary>
    private ParseOutcome ReadOptionalFields(ReadOnlySpan<byte> line, scoped ref int i, ref GatewayEventFields e)
    {
        if (!TrySpace(line, ref i) || i >= line.Length)
        {
            return ParseOutcome.Parsed;
        }

        if (line[i] != (byte)'"')
        {
            var end = line[i..].IndexOf((byte)' ');
            var token = end < 0 ? line[i..] : line.Slice(i, end);
            i = end < 0 ? line.Length : i + end + 1;
            if (!token.SequenceEqual("-"u8))
            {
                if (!Utf8Parser.TryParse(token, out double seconds, out var consumed) || consumed != token.Length)
                {
                    return ParseOutcome.Fail(DeadLetterReason.WrongType, RequestTime);
                }

                if (!double.IsFinite(seconds) || seconds < 0)
                {
                    return ParseOutcome.Fail(DeadLetterReason.OutOfRange, RequestTime);
                }

                e.LatencyMs = (float)(seconds * 1000.0);
            }

            if (i >= line.Length)
            {
                return ParseOutcome.Parsed;
            }

            if (line[i] == (byte)'"')
            {
                if (!TryQuoted(line, ref i, out var requestId))
                {
                    return ParseOutcome.Fail(DeadLetterReason.TruncatedLine, HttpXRequestId);
                }

                e.RequestId = requestId.SequenceEqual("-"u8) ? default : Decode(requestId);
            }
        }

        var rest = line[Math.Min(i, line.Length)..].TrimStart((byte)' ');
        if (!rest.IsEmpty)
        {
            _extra.AppendStringMember("unparsed"u8, rest);
        }

        return ParseOutcome.Parsed;
    }

    /// <summary>A structural failure: truncated when the line ran out, malformed otherwise.</summary>
    private static ParseOutcome Broken(ReadOnlySpan<byte> line, int i, string field) =>
        ParseOutcome.Fail(i >= line.Length ? DeadLetterReason.TruncatedLine : DeadLetterReason.MalformedLine, field);

    /// <summary>
    /// A non-empty token ending at a space or the end of the line; <paramref name="i"/> moves past the space, so a
    /// missing next field shows as the line running out at that field.
    /// </summary>
    private static bool TryToken(ReadOnlySpan<byte> line, scoped ref int i, out ReadOnlySpan<byte> token)
    {
        token = default;
        if (i >= line.Length)
        {
            return false;
        }

        var end = line[i..].IndexOf((byte)' ');
        if (end == 0)
        {
            return false;
        }

        if (end < 0)
        {
            token = line[i..];
            i = line.Length;
            return true;
        }

        token = line.Slice(i, end);
        i += end + 1;
        return true;
    }

    private static bool TrySpace(ReadOnlySpan<byte> line, scoped ref int i)
    {
        if (i < line.Length && line[i] == (byte)' ')
        {
            i++;
            return true;
        }

        return false;
    }

    /// <summary>A double-quoted field (escaped quotes skipped); <paramref name="i"/> moves past the closing quote.</summary>
    private static bool TryQuoted(ReadOnlySpan<byte> line, scoped ref int i, out ReadOnlySpan<byte> content)
    {
        content = default;
        if (i >= line.Length || line[i] != (byte)'"')
        {
            return false;
        }

        var start = i + 1;
        var j = start;
        while (j < line.Length)
        {
            var b = line[j];
            if (b == (byte)'"')
            {
                content = line[start..j];
                i = j + 1;
                return true;
            }

            j += b == (byte)'\\' ? 2 : 1;
        }

        i = line.Length;
        return false;
    }

    private static bool TrySplitRequest(ReadOnlySpan<byte> request, out ReadOnlySpan<byte> method, out ReadOnlySpan<byte> target)
    {
        method = default;
        target = default;
        var space = request.IndexOf((byte)' ');
        if (space <= 0)
        {
            return false;
        }

        method = request[..space];
        var rest = request[(space + 1)..];
        var end = rest.IndexOf((byte)' ');
        target = end < 0 ? rest : rest[..end];
        return !target.IsEmpty;
    }

    private static bool TryDigits(ReadOnlySpan<byte> token, out ulong value)
    {
        value = 0;
        if (token.IsEmpty || token.Length > 19)
        {
            return false;
        }

        ulong v = 0;
        foreach (var b in token)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            v = (v * 10) + digit;
        }

        value = v;
        return true;
    }

    /// <summary>Undoes <c>\xHH</c>, <c>\"</c> and <c>\\</c> escapes; keeps the escaped text when the result is not UTF-8.</summary>
    private ReadOnlySpan<byte> Decode(ReadOnlySpan<byte> quoted)
    {
        if (quoted.IndexOf((byte)'\\') < 0)
        {
            return quoted;
        }

        var target = _scratch.Rent(quoted.Length);
        var n = 0;
        for (var j = 0; j < quoted.Length; j++)
        {
            var b = quoted[j];
            if (b == (byte)'\\' && j + 1 < quoted.Length)
            {
                var next = quoted[j + 1];
                if (next is (byte)'x' or (byte)'X' && j + 3 < quoted.Length
                    && HexValue(quoted[j + 2]) >= 0 && HexValue(quoted[j + 3]) >= 0)
                {
                    target[n++] = (byte)((HexValue(quoted[j + 2]) << 4) | HexValue(quoted[j + 3]));
                    j += 3;
                    continue;
                }

                if (next is (byte)'"' or (byte)'\\')
                {
                    target[n++] = next;
                    j++;
                    continue;
                }
            }

            target[n++] = b;
        }

        if (!Utf8.IsValid(target[..n]))
        {
            return quoted;
        }

        return _scratch.Commit(n);
    }

    private static int HexValue(byte c)
    {
        var digit = (uint)(c - '0');
        if (digit <= 9)
        {
            return (int)digit;
        }

        var letter = (uint)((c | 0x20) - 'a');
        return letter <= 5 ? (int)letter + 10 : -1;
    }
}
