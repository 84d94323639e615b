using System.Text.Unicode;
using LogSentinel.Ingest.DeadLetters;

namespace LogSentinel.Ingest.Parsing;

/// <summary>The checks every format makes before looking inside a line.</summary>
internal static class LineGuard
{
    public const string LineField = "line";

    /// <summary>
    /// Trims ASCII whitespace (a CR left by CRLF files included) and rejects over-long, empty and non-UTF-8 lines.
    /// The length limit applies to the line as delivered, before trimming, so a giant line is rejected unread.
    /// </summary>
    public static DeadLetterReason Check(ref ReadOnlySpan<byte> line, int maxBytes)
    {
        if (line.Length > maxBytes)
        {
            return DeadLetterReason.LineTooLong;
        }

        line = line.Trim(" \t\r\n"u8);

        // A byte-order mark can open the first line of a file written by Windows tools; it is not part of the record.
        if (line.StartsWith("\uFEFF"u8))
        {
            line = line[3..].TrimStart(" \t"u8);
        }

        if (line.IsEmpty)
        {
            return DeadLetterReason.EmptyLine;
        }

        // Checked once for the whole line (vectorized) so every field slice after this is known-good UTF-8.
        return Utf8.IsValid(line) ? DeadLetterReason.None : DeadLetterReason.InvalidUtf8;
    }
}
