using System.Text.RegularExpressions;

namespace LogSentinel.Tests.Infrastructure;

/// <summary>The format a statement's output comes in (its own FORMAT clause, else <c>default_format</c>) and its content type.</summary>
internal static partial class OutputFormat
{
    public static string Of(HttpStatement statement)
    {
        if (statement.Insert is not null)
        {
            return statement.DefaultFormat;
        }

        var match = TrailingFormat().Match(statement.Text);
        return match.Success ? match.Groups["format"].Value : statement.DefaultFormat;
    }

    public static string ContentType(string format) => format switch
    {
        _ when format.StartsWith("TabSeparated", StringComparison.OrdinalIgnoreCase) || format.StartsWith("TSV", StringComparison.OrdinalIgnoreCase)
            => "text/tab-separated-values; charset=UTF-8",
        _ when format.StartsWith("CSV", StringComparison.OrdinalIgnoreCase) => "text/csv; charset=UTF-8",
        _ when format.StartsWith("JSON", StringComparison.OrdinalIgnoreCase) => "application/json; charset=UTF-8",
        _ when format.StartsWith("Pretty", StringComparison.OrdinalIgnoreCase) => "text/plain; charset=UTF-8",
        _ => "application/octet-stream",
    };

    [GeneratedRegex(@"\bFORMAT\s+(?<format>\w+)\s*;?\s*\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingFormat();
}
