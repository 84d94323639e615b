using System.Globalization;
using System.Text.RegularExpressions;

namespace LogSentinel.Store.Transport;

/// <summary>Turns ClickHouse's own error text ("Code: 62. DB::Exception: Syntax error ...") into a <see cref="StoreException"/>.</summary>
internal static partial class ClickHouseErrors
{
    public static StoreException FromEngineMessage(string message, string? sql = null)
    {
        var trimmed = message.Trim();
        int? code = null;
        var match = CodePattern().Match(trimmed);
        if (match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            code = parsed;
        }

        var context = sql is null ? string.Empty : $" (statement: {Abbreviate(sql)})";
        return new StoreException($"ClickHouse: {trimmed}{context}", code);
    }

    /// <summary>A statement shortened for error messages; statements never carry citizen ids, only pseudonyms.</summary>
    public static string Abbreviate(string sql)
    {
        var oneLine = WhitespacePattern().Replace(sql, " ").Trim();
        return oneLine.Length <= 200 ? oneLine : string.Concat(oneLine.AsSpan(0, 200), "...");
    }

    [GeneratedRegex(@"Code:\s*(\d+)")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
