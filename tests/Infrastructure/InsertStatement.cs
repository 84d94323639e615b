using System.Text;
using System.Text.RegularExpressions;

namespace LogSentinel.Tests.Infrastructure;

/// <summary>
/// The head of an <c>INSERT INTO table (columns) FORMAT name</c> request. ClickHouse reads the statement up to
/// the format name and treats what follows (after one line break) as the data, which is how the driver sends
/// its bulk copy: the statement line, then RowBinary.
/// </summary>
internal sealed partial record InsertStatement(string Table, IReadOnlyList<string> Columns, string Format, int DataOffset)
{
    /// <summary>Statements are short; the data after them is not text, so only the head is decoded.</summary>
    private const int HeadLength = 64 * 1024;

    public static InsertStatement? TryParse(ReadOnlySpan<byte> text)
    {
        var head = Encoding.Latin1.GetString(text[..Math.Min(text.Length, HeadLength)]);
        var match = Pattern().Match(head);
        if (!match.Success)
        {
            return null;
        }

        var columns = match.Groups["columns"].Success
            ? match.Groups["columns"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
        return new InsertStatement(match.Groups["table"].Value, columns, match.Groups["format"].Value, match.Length);
    }

    [GeneratedRegex(@"\A\s*INSERT\s+INTO\s+(?:TABLE\s+)?(?<table>[\w.`""]+)\s*(?:\((?<columns>[^)]*)\))?\s*FORMAT\s+(?<format>\w+)[ \t]*(?:\r?\n)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
