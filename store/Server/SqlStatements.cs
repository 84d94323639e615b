using System.Text.RegularExpressions;

namespace LogSentinel.Store.Server;

/// <summary>The little the transport needs to know about a statement's text before sending it.</summary>
internal static partial class SqlStatements
{
    /// <summary>
    /// Recognises <c>USE database</c>. Over HTTP each statement is its own request, so the server forgets a USE at
    /// once; the transport remembers it and sends the database with every later request, which gives the same
    /// behaviour as the session of the embedded engine.
    /// </summary>
    public static bool TryParseUse(string sql, out string database)
    {
        var match = UsePattern().Match(sql);
        database = match.Success ? match.Groups["db"].Value : string.Empty;
        return match.Success;
    }

    /// <summary>An INSERT may have written its rows when its answer is lost, so it must not simply be sent again.</summary>
    public static bool IsInsert(string sql) => InsertPattern().IsMatch(sql);

    [GeneratedRegex(@"\A\s*USE\s+`?(?<db>[A-Za-z_][A-Za-z0-9_]*)`?\s*;?\s*\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UsePattern();

    // Leading comments are skipped: operators paste statements with a comment line above them.
    [GeneratedRegex(@"\A(?:\s+|--[^\n]*\n|/\*.*?\*/)*INSERT\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex InsertPattern();
}
