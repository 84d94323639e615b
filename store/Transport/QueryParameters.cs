using System.Globalization;

namespace LogSentinel.Store.Transport;

/// <summary>
/// Values for the <c>{name:Type}</c> placeholders of a statement. The engine binds them by type, so a value is
/// never spliced into SQL text.
/// </summary>
internal sealed class QueryParameters
{
    private static readonly System.Buffers.SearchValues<char> NeedsEscaping = System.Buffers.SearchValues.Create("\\\t\n\r\0\b\f");

    private readonly List<KeyValuePair<string, object?>> _values = [];

    public IReadOnlyList<KeyValuePair<string, object?>> Values => _values;

    public QueryParameters Add(string name, object? value)
    {
        _values.Add(new(name, value));
        return this;
    }

    /// <summary>Adds a value already in ClickHouse's escaped text form (as an HTTP <c>param_</c> arrives), bound as is.</summary>
    public QueryParameters AddEscaped(string name, string escapedText)
    {
        _values.Add(new(name, new EscapedText(escapedText)));
        return this;
    }

    /// <summary>The value in ClickHouse's text form, as the engine expects a bound parameter.</summary>
    public static string FormatValue(object? value) => value switch
    {
        null => "\\N",
        EscapedText escaped => escaped.Text,
        string s => Escape(s),
        bool b => b ? "true" : "false",
        DateTime dt => dt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        System.Net.IPAddress ip => ip.ToString(),
        ulong[] numbers => "[" + string.Join(',', numbers.Select(n => n.ToString(CultureInfo.InvariantCulture))) + "]",
        Guid[] ids => "[" + string.Join(',', ids.Select(id => $"'{id:D}'")) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Escape(value.ToString() ?? string.Empty),
    };

    /// <summary>Bound values are read in ClickHouse's escaped (TSV) form, so backslashes and control characters are escaped.</summary>
    private static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny(NeedsEscaping) < 0)
        {
            return value;
        }

        var builder = new System.Text.StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                '\t' => builder.Append(@"\t"),
                '\n' => builder.Append(@"\n"),
                '\r' => builder.Append(@"\r"),
                '\0' => builder.Append(@"\0"),
                '\b' => builder.Append(@"\b"),
                '\f' => builder.Append(@"\f"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    private sealed record EscapedText(string Text);
}
