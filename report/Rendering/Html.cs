using System.Text;

namespace LogSentinel.Report.Rendering;

/// <summary>A small HTML writer: every piece of text goes through <see cref="Text"/>, so nothing from the data is markup.</summary>
internal sealed class Html
{
    private readonly StringBuilder _builder = new(64 * 1024);

    public Html Raw(string markup)
    {
        _builder.Append(markup);
        return this;
    }

    public Html Text(string? text)
    {
        Escape(text ?? string.Empty);
        return this;
    }

    public Html Element(string tag, string? text, string? cssClass = null)
    {
        Open(tag, cssClass);
        Text(text);
        return Close(tag);
    }

    public Html Open(string tag, string? cssClass = null)
    {
        _builder.Append('<').Append(tag);
        if (cssClass is not null)
        {
            _builder.Append(" class=\"");
            Escape(cssClass);
            _builder.Append('"');
        }

        _builder.Append('>');
        return this;
    }

    public Html Close(string tag)
    {
        _builder.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>A PNG embedded as a data URI, so the file stands alone (mail, archive, PDF).</summary>
    public Html Image(byte[] png, string alt, string? cssClass = null)
    {
        _builder.Append("<img");
        if (cssClass is not null)
        {
            _builder.Append(" class=\"").Append(cssClass).Append('"');
        }

        _builder.Append(" alt=\"");
        Escape(alt);
        _builder.Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\">");
        return this;
    }

    /// <summary>A table with a header row (none when <paramref name="header"/> is null); cells are text.</summary>
    public Html Table(IReadOnlyList<string>? header, IEnumerable<IReadOnlyList<string>> rows, string? cssClass = null, IReadOnlySet<int>? numericColumns = null)
    {
        Open("table", cssClass);
        if (header is not null)
        {
            Open("thead").Open("tr");
            for (var i = 0; i < header.Count; i++)
            {
                Element("th", header[i], numericColumns?.Contains(i) == true ? "num" : null);
            }

            Close("tr").Close("thead");
        }

        Open("tbody");
        foreach (var row in rows)
        {
            Open("tr");
            for (var i = 0; i < row.Count; i++)
            {
                Element("td", row[i], numericColumns?.Contains(i) == true ? "num" : null);
            }

            Close("tr");
        }

        return Close("tbody").Close("table");
    }

    public override string ToString() => _builder.ToString();

    /// <summary>Escapes only what HTML needs escaped; Vietnamese letters stay readable in the file (it is UTF-8).</summary>
    private void Escape(string text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => _builder.Append("&lt;"),
                '>' => _builder.Append("&gt;"),
                '&' => _builder.Append("&amp;"),
                '"' => _builder.Append("&quot;"),
                '\'' => _builder.Append("&#39;"),
                _ => _builder.Append(c),
            };
        }
    }
}
