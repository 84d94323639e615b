using System.Text;

namespace LogSentinel.Ingest.Reference;

/// <summary>
/// Reads RFC 4180 CSV (quoted fields, doubled quotes, commas and line breaks inside quotes) line by line,
/// keeping the line number each record starts on so errors can point at it.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private int _line;

    /// <summary>The next record and the line it started on, or null at the end.</summary>
    public (int Line, List<string> Fields)? Next()
    {
        var text = reader.ReadLine();
        _line++;
        while (text is not null && text.Length == 0)
        {
            text = reader.ReadLine();
            _line++;
        }

        if (text is null)
        {
            return null;
        }

        var startLine = _line;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (true)
        {
            if (i == text.Length)
            {
                if (!quoted)
                {
                    break;
                }

                // A quoted field runs on to the next physical line.
                var next = reader.ReadLine() ?? throw new FormatException($"line {startLine}: a quoted field is not closed before the end of the file");
                _line++;
                field.Append('\n');
                text = next;
                i = 0;
                continue;
            }

            var c = text[i++];
            if (quoted)
            {
                if (c == '"' && i < text.Length && text[i] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        if (fields.Count > 0 && fields[0].Length > 0 && fields[0][0] == '\uFEFF')
        {
            fields[0] = fields[0][1..];
        }

        return (startLine, fields);
    }
}
