namespace Conformance.Tables;

/// <summary>The lines of one row of a block <c>rows:</c> list: from its <c>- </c> line to the line before the next row.</summary>
internal sealed record RowSpan(int First, int Last, int Indent)
{
    public string Text(string[] lines) => string.Join('\n', lines[(First - 1)..Last]);
}

/// <summary>Finds a status table's rows by their text alone, for a file YAML cannot read whole.</summary>
internal static class RowSpans
{
    /// <summary>
    /// The rows of the top-level <c>rows:</c> key written as a block list (<c>rows:</c> alone on its line, each row a
    /// <c>- </c> item below it, all at one indentation), lines numbered from 1; the list ends at the next line that
    /// starts in the first column (another key, a <c>---</c>). Empty when the file has no such list.
    /// </summary>
    public static List<RowSpan> Find(string[] lines)
    {
        var spans = new List<RowSpan>();
        var start = Array.FindIndex(lines, IsRowsKey);
        if (start < 0)
        {
            return spans;
        }

        int? indent = null;
        var first = 0;
        for (var i = start + 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var content = line.TrimStart(' ', '\t');
            if (content.Length == 0 || content[0] == '#')
            {
                continue;
            }

            var at = line.Length - content.Length;
            var item = content[0] == '-' && (content.Length == 1 || content[1] == ' ');
            if (indent is null)
            {
                if (!item || line[..at].Contains('\t', StringComparison.Ordinal))
                {
                    return [];
                }

                indent = at;
            }
            else if (at == 0 && (!item || indent > 0))
            {
                break;
            }

            if (item && at == indent)
            {
                if (first > 0)
                {
                    spans.Add(new RowSpan(first, LastWritten(lines, first, i), indent.Value));
                }

                first = i + 1;
            }
        }

        if (first > 0)
        {
            spans.Add(new RowSpan(first, LastWritten(lines, first, lines.Length), indent!.Value));
        }

        return spans;
    }

    private static bool IsRowsKey(string line)
    {
        var text = line.TrimEnd('\r');
        if (!text.StartsWith("rows", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text["rows".Length..].TrimStart(' ');
        if (rest.Length == 0 || rest[0] != ':')
        {
            return false;
        }

        rest = rest[1..].Trim(' ');
        return rest.Length == 0 || rest[0] == '#';
    }

    /// <summary>
    /// The last line of a row that ends before line index <paramref name="end"/> (0-based, exclusive): trailing blank and
    /// comment lines after it are left out, so a comment heading the next row stays the next row's.
    /// </summary>
    private static int LastWritten(string[] lines, int first, int end)
    {
        var last = end;
        while (last > first)
        {
            var content = lines[last - 1].TrimEnd('\r').TrimStart(' ', '\t');
            if (content.Length > 0 && content[0] != '#')
            {
                break;
            }

            last--;
        }

        return last;
    }
}
