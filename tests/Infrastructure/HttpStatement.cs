using System.Text;
using LogSentinel.Store.Transport;
using Microsoft.AspNetCore.Http;

namespace LogSentinel.Tests.Infrastructure;

/// <summary>
/// What one ClickHouse HTTP request asks for. As on a server, the <c>query</c> URL parameter and the body
/// together form the statement; an INSERT's data follows its <c>FORMAT</c> clause (in the body either way).
/// Settings come as URL parameters: <c>param_*</c> bind <c>{name:Type}</c> placeholders, <c>default_format</c>
/// and <c>database</c> are honoured, the others (compression flags, JSON modes, limits) are accepted and ignored.
/// </summary>
internal sealed class HttpStatement
{
    private HttpStatement(string text, InsertStatement? insert, ReadOnlyMemory<byte> data, IQueryCollection query)
    {
        Text = text;
        Insert = insert;
        Data = data;
        DefaultFormat = query["default_format"] is [{ Length: > 0 } format] ? format : "TabSeparated";
        Database = query["database"] is [{ Length: > 0 } database] ? database : "default";
        foreach (var (key, value) in query)
        {
            if (key.StartsWith("param_", StringComparison.Ordinal))
            {
                // Values arrive in ClickHouse's escaped text form; the engine unescapes them exactly as a server does.
                (Parameters ??= new QueryParameters()).AddEscaped(key["param_".Length..], value.ToString());
            }
        }
    }

    /// <summary>The statement, or for a binary INSERT only its head.</summary>
    public string Text { get; }

    /// <summary>Set when the request is an INSERT whose data follows in the body.</summary>
    public InsertStatement? Insert { get; }

    public ReadOnlyMemory<byte> Data { get; }

    public string DefaultFormat { get; }

    public string Database { get; }

    public QueryParameters? Parameters { get; private set; }

    public static HttpStatement From(IQueryCollection query, byte[] body)
    {
        var inUrl = query["query"] is [{ Length: > 0 } sql] ? sql : null;
        if (inUrl is not null)
        {
            var urlInsert = InsertStatement.TryParse(Encoding.UTF8.GetBytes(inUrl));
            return urlInsert is not null && IsBinary(urlInsert.Format)
                ? new HttpStatement(inUrl, urlInsert, body, query)
                : new HttpStatement(body.Length == 0 ? inUrl : inUrl + "\n" + Encoding.UTF8.GetString(body), null, default, query);
        }

        var insert = InsertStatement.TryParse(body);
        return insert is not null && IsBinary(insert.Format)
            ? new HttpStatement(Encoding.UTF8.GetString(body, 0, insert.DataOffset).TrimEnd(), insert, body.AsMemory(insert.DataOffset), query)
            : new HttpStatement(Encoding.UTF8.GetString(body), null, default, query);
    }

    // Text formats may stay inline: the engine only truncates binary data that follows a statement.
    private static bool IsBinary(string format) => format.StartsWith("RowBinary", StringComparison.OrdinalIgnoreCase)
        || format.Equals("Native", StringComparison.OrdinalIgnoreCase);
}
