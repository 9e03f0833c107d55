using Conformance.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace Conformance.Contracts;

/// <summary>
/// A line in the first column that can be no key (<c>[x</c>, <c>- x</c>, a pasted word), in a file YAML cannot read
/// whole: it belongs to no entry, so it is its own error and the file is read again as if it were not written. Found by
/// <see cref="BlockEntries"/> between the entries of a top-level block collection and by <see cref="HeaderEntries"/>
/// between top-level entries, only where that is certain: nothing written before it is left open (a flow collection, a
/// quote, a line YAML's scanner cannot read: <see cref="Closed"/>), and the next line that is not one starts an entry (a
/// row's <c>- </c> or an operation's key at the collection's indentation; a key in the first column) or ends the file.
/// </summary>
internal static class StrayLines
{
    /// <summary>The <see cref="BlockEntry.Collection"/> of a stray line.</summary>
    public const string Collection = "(stray line)";

    /// <summary>How many lines of one collection, or between top-level entries, are looked at (each is a scan of what precedes it); past that, none is taken.</summary>
    public const int Max = 20;

    /// <summary>
    /// True when the line starts in the first column and can be no key: no ':' followed by a space, a tab or the line's
    /// end, no '?' (a complex key), '%' (a directive) or document marker; not blank, not a comment.
    /// </summary>
    public static bool IsCandidate(string line)
    {
        var text = line.TrimEnd('\r');
        if (text.Length == 0 || text[0] is ' ' or '\t' or '#' or '?' or '%' || text.StartsWith("---", StringComparison.Ordinal) || text.StartsWith("...", StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ':' && (i + 1 == text.Length || text[i + 1] is ' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the line is a list item (<c>- x</c>, <c>-</c>) in the first column.</summary>
    public static bool IsItem(string line)
    {
        var text = line.TrimEnd('\r');
        return text.StartsWith('-') && (text.Length == 1 || text[1] == ' ');
    }

    /// <summary>
    /// True when YAML's scanner, reading the lines from index <paramref name="from"/> to the line at
    /// <paramref name="index"/> (the other stray candidates that are no list item left blank), starts something new at
    /// that line: no flow collection is open before it, no value runs on into it (a plain or quoted scalar of an earlier
    /// line), and nothing before it is unreadable (only an error at its first column is allowed: the line itself).
    /// </summary>
    public static bool Closed(string[] lines, int from, int index)
    {
        var line = index - from + 1;
        var text = string.Join('\n', lines[from..index].Select(l => IsCandidate(l) && !IsItem(l) ? string.Empty : l.TrimEnd('\r')).Append(lines[index].TrimEnd('\r')));
        var scanner = new Scanner(new StringReader(text));
        var open = 0;
        var tokens = 0;
        try
        {
            while (scanner.MoveNext() && scanner.Current!.Start.Line < line)
            {
                // YamlDotNet's scanner, driven alone, can repeat a token forever ('x: y: z' then '&a x'): not certain.
                if (++tokens > (4 * text.Length) + 10)
                {
                    return false;
                }

                // A block scalar (| or >) ends where a line is indented less: its end mark is on that line, but it never runs on into it.
                if (scanner.Current is Scalar { Style: not (ScalarStyle.Literal or ScalarStyle.Folded) } && scanner.Current.End.Line >= line)
                {
                    return false;
                }

                open += scanner.Current switch
                {
                    FlowSequenceStart or FlowMappingStart => 1,
                    FlowSequenceEnd or FlowMappingEnd => -1,
                    _ => 0,
                };
            }
        }
        catch (YamlException ex) when (ex.Start.Line == line && ex.Start.Column == 1)
        {
            // The line itself cannot be read (no ':' after a word in the first column): what came before was.
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            // Unreadable before it (YamlDotNet's scanner also gives up with InvalidOperationException on some flow scalars).
            return false;
        }

        return open == 0;
    }

    /// <summary>The stray line at index <paramref name="index"/> as an entry, emptied as a blank line.</summary>
    public static BlockEntry Entry(int index) => new(index + 1, index + 1, string.Empty) { Collection = Collection };

    /// <summary>Why the stray line is an error; its text is not quoted (a pasted line may hold a credential).</summary>
    public static IReadOnlyList<Diagnostic> Report(string path, BlockEntry entry)
    {
        var bag = new DiagnosticBag();
        bag.Error(ErrorCodes.YamlSyntax, new SourceLocation(path, entry.First, 1), "The file is not valid YAML",
            "this line starts in the first column but is not a 'key:', so it belongs to no entry and YAML cannot read the file past it; the entries around it are read as if it were not written",
            "Remove the line or indent it under the key it belongs to.");
        return bag.Items;
    }
}
