using System.Text.RegularExpressions;

namespace LogSentinel.Store.Server;

/// <summary>
/// Recognises <c>USE database</c>. Over HTTP each statement is its own request, so the server forgets a USE at
/// once; the transport remembers it instead and sends the database with every later request, which gives the
/// same behaviour as a session on the embedded engine.
/// </summary>
internal static partial class UseStatement
{
    public static bool TryParse(string sql, out string database)
    {
        var match = Pattern().Match(sql);
        database = match.Success ? match.Groups["db"].Value : string.Empty;
        return match.Success;
    }

    [GeneratedRegex(@"\A\s*USE\s+`?(?<db>[A-Za-z_][A-Za-z0-9_]*)`?\s*;?\s*\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
