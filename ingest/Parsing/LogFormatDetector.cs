using System.Text.Json;

namespace LogSentinel.Ingest.Parsing;

/// <summary>
/// Guesses the format of a file or topic from its first non-empty lines, for sources whose configuration does not
/// name one. Each line votes (a JSON object by its member names, a combined line by its shape); the format with most
/// votes wins, and a tie or no vote gives <see cref="LogFormat.Unknown"/>: better to ask the operator than to
/// dead-letter a whole source under the wrong parser.
/// </summary>
public static class LogFormatDetector
{
    /// <summary>How many non-empty lines <see cref="Detect"/> looks at by default.</summary>
    public const int DefaultSampleLines = 16;

    /// <summary>
    /// Detects the format of <paramref name="head"/>, the first bytes of a source (newline-separated lines; a last line
    /// cut short still votes). Looks at up to <paramref name="maxLines"/> non-empty lines.
    /// </summary>
    public static LogFormat Detect(ReadOnlySpan<byte> head, int maxLines = DefaultSampleLines)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLines);
        Span<int> votes = stackalloc int[4];
        var looked = 0;
        while (!head.IsEmpty && looked < maxLines)
        {
            var newline = head.IndexOf((byte)'\n');
            var line = (newline < 0 ? head : head[..newline]).Trim(" \t\r"u8);
            head = newline < 0 ? default : head[(newline + 1)..];
            if (line.IsEmpty)
            {
                continue;
            }

            looked++;
            votes[(int)Classify(line)]++;
        }

        var best = LogFormat.Unknown;
        var bestVotes = 0;
        var tie = false;
        for (var format = 1; format < votes.Length; format++)
        {
            if (votes[format] > bestVotes)
            {
                best = (LogFormat)format;
                bestVotes = votes[format];
                tie = false;
            }
            else if (votes[format] == bestVotes && bestVotes > 0)
            {
                tie = true;
            }
        }

        return tie ? LogFormat.Unknown : best;
    }

    /// <summary>The format one line looks like, or <see cref="LogFormat.Unknown"/>.</summary>
    internal static LogFormat Classify(ReadOnlySpan<byte> line)
    {
        line = line.Trim(" \t\r\n"u8);
        if (line.IsEmpty)
        {
            return LogFormat.Unknown;
        }

        return line[0] == (byte)'{' ? ClassifyJson(line) : ClassifyCombined(line);
    }

    private static LogFormat ClassifyJson(ReadOnlySpan<byte> line)
    {
        var app = false;
        var gateway = false;
        try
        {
            var reader = new Utf8JsonReader(line, isFinalBlock: false, state: default);
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                if (reader.ValueTextEquals("event"u8) || reader.ValueTextEquals("citizen_id"u8) || reader.ValueTextEquals("session_id"u8))
                {
                    app = true;
                }
                else if (reader.ValueTextEquals("method"u8) || reader.ValueTextEquals("status"u8) || reader.ValueTextEquals("path"u8)
                    || reader.ValueTextEquals("latency_ms"u8))
                {
                    gateway = true;
                }
            }
        }
        catch (JsonException)
        {
            // A broken line still votes with the members read before the break.
        }

        return (app, gateway) switch
        {
            (true, false) => LogFormat.AppJson,
            (false, true) => LogFormat.GatewayJson,
            _ => LogFormat.Unknown,
        };
    }

    private static LogFormat ClassifyCombined(ReadOnlySpan<byte> line)
    {
        var space = line.IndexOf((byte)' ');
        if (space <= 0 || !IpAddressParser.TryParse(line[..space], out _))
        {
            return LogFormat.Unknown;
        }

        var open = line.IndexOf(" ["u8);
        var close = line.IndexOf("] \""u8);
        return open > 0 && close > open ? LogFormat.GatewayCombined : LogFormat.Unknown;
    }
}
