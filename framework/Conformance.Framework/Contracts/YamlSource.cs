using Conformance.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Conformance.Contracts;

/// <summary>Parses one YAML file into a node tree whose nodes keep their line and column.</summary>
internal static class YamlSource
{
    public static YamlNode? Load(string text, string path, DiagnosticBag bag) => Read(text, path, bag, alone: false).Root;

    /// <summary>
    /// True when the text, one entry of a file, reads as YAML on its own; an alias to an anchor outside it is not an
    /// error here (the anchor may be in another entry of the file). Else reports why, as <see cref="Load"/> does.
    /// </summary>
    public static bool ReadsAlone(string text, string path, DiagnosticBag bag) => Read(text, path, bag, alone: true).Read;

    private static (YamlNode? Root, bool Read) Read(string text, string path, DiagnosticBag bag, bool alone)
    {
        if (HasTabIndent(text, path, bag))
        {
            return (null, false);
        }

        var parser = new YamlGuard(new Parser(new StringReader(text)));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (parser.LaterDocuments.Count > 0)
            {
                var second = parser.LaterDocuments[0];
                bag.Error(ErrorCodes.YamlSyntax, new SourceLocation(path, (int)second.Line, (int)second.Column), "A second YAML document starts here",
                    "a pack file is one document, so everything from here on would be ignored", "Remove the '---' (or '...') line that ends the first document, or move what follows to a file of its own.");
            }

            if (stream.Documents.Count == 0)
            {
                return (null, true);
            }

            YamlMerge.Apply(stream.Documents[0].RootNode);
            return (stream.Documents[0].RootNode, true);
        }
        catch (AnchorNotFoundException) when (alone)
        {
            return (null, true);
        }
        catch (Exception ex) when (ex is YamlException or ArgumentException or InvalidOperationException)
        {
            Report(ex, text, path, parser.Where, bag);
            return (null, false);
        }
    }

    private static bool HasTabIndent(string text, string path, DiagnosticBag bag)
    {
        if (FindTabIndent(text) is not { } at)
        {
            return false;
        }

        bag.Error(ErrorCodes.TabIndent, new SourceLocation(path, at.Line, at.Column),
            "Tab character used for indentation", "YAML allows only spaces for indentation");
        return true;
    }

    private static void Report(Exception ex, string text, string path, Mark stop, DiagnosticBag bag)
    {
        switch (ex)
        {
            case AnchorNotFoundException missing when AliasName(missing.Message) is { } name:
                // YamlDotNet says which name but not where: the first '*name' in the text is the alias it could not resolve.
                var (aliasLine, aliasColumn) = Find(text, "*" + name);
                bag.Error(ErrorCodes.YamlSyntax, new SourceLocation(path, aliasLine, aliasColumn), "The file is not valid YAML",
                    $"the alias *{name} repeats no value: no '&{name}' comes before it", $"Write &{name} on the value to repeat, before this alias, or write the value here.");
                break;
            case YamlException yaml:
                // The text ended inside a '{' or '[': the opening says more than the end does.
                if (yaml.Start.Index >= text.TrimEnd().Length && UnclosedFlow(text) is { Unclosed: true } open)
                {
                    Flow(open, path, bag);
                    break;
                }

                var why = Clean(yaml.InnerException?.Message ?? yaml.Message);
                var where = new SourceLocation(path, (int)yaml.Start.Line, (int)yaml.Start.Column);
                if (why.StartsWith("Duplicate key ", StringComparison.Ordinal))
                {
                    bag.Error(ErrorCodes.DuplicateKey, where, $"Key '{why["Duplicate key ".Length..]}' appears twice in one mapping", "YAML keeps only one of them, so the other would be lost silently");
                }
                else if (IndentHint.For(text, where.Line, why) is { } indent)
                {
                    bag.Error(ErrorCodes.YamlSyntax, where with { Column = indent.Column }, "The file is not valid YAML", indent.Why, indent.Fix);
                }
                else
                {
                    bag.Error(ErrorCodes.YamlSyntax, where, "The file is not valid YAML", why);
                }

                break;
            case ArgumentException:
                // YamlDotNet builds no node from a mapping entry with an empty key ('- : x'): the value is lost, nothing says so.
                bag.Error(ErrorCodes.YamlSyntax, new SourceLocation(path, (int)Math.Max(1, stop.Line), (int)Math.Max(1, stop.Column)), "The file is not valid YAML here",
                    "this mapping has an entry YAML cannot read, usually a key with nothing before its ':', whose value would be lost", "Write the key before the ':' (op: get_thing), or quote a text that starts with ':'.");
                break;
            default:
                // YamlDotNet's scanner gives up without a position on some unclosed flow collections; find the opening.
                Flow(UnclosedFlow(text), path, bag);
                break;
        }
    }

    private static void Flow((int Line, int Column, bool Unclosed) at, string path, DiagnosticBag bag) =>
        bag.Error(ErrorCodes.YamlSyntax, new SourceLocation(path, at.Line, at.Column), "The file is not valid YAML",
            at.Unclosed ? "this '{' or '[' is never closed" : "the parser stopped after this point");

    /// <summary>The start of the innermost flow collection still open where parsing failed, else the last good position.</summary>
    private static (int Line, int Column, bool Unclosed) UnclosedFlow(string text)
    {
        var open = new Stack<Mark>();
        var last = Mark.Empty;
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                last = current.End;
                if (current is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow })
                {
                    open.Push(current.Start);
                }
                else if (current is MappingEnd or SequenceEnd && open.Count > 0)
                {
                    open.Pop();
                }
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            // Expected: the same failure again; the marks gathered so far say where.
        }

        if (open.Count > 0)
        {
            return ((int)open.Peek().Line, (int)open.Peek().Column, true);
        }

        // The parser may fail before it reports the collection's start: look for the opening on the same line.
        var line = (int)Math.Max(1, last.Line);
        var lines = text.Split('\n');
        var column = line <= lines.Length ? lines[line - 1].IndexOfAny(['{', '['], (int)Math.Max(0, last.Column - 1)) : -1;
        return column >= 0 ? (line, column + 1, true) : (line, (int)Math.Max(1, last.Column), false);
    }

    private static (int Line, int Column)? FindTabIndent(string text)
    {
        var line = 1;
        var atLineStart = true;
        var column = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                atLineStart = true;
                continue;
            }

            if (atLineStart && c == '\t')
            {
                return (line, column);
            }

            if (c != ' ')
            {
                atLineStart = false;
            }

            column++;
        }

        return null;
    }

    /// <summary>The anchor name of YamlDotNet's "The anchor 'name' does not exists", else null.</summary>
    private static string? AliasName(string message)
    {
        var open = message.IndexOf('\'');
        var close = open < 0 ? -1 : message.IndexOf('\'', open + 1);
        return close > open + 1 ? message[(open + 1)..close] : null;
    }

    /// <summary>The line and column of the first <paramref name="token"/> in the text that no name character follows, else (1, 1).</summary>
    private static (int Line, int Column) Find(string text, string token)
    {
        for (var at = text.IndexOf(token, StringComparison.Ordinal); at >= 0; at = text.IndexOf(token, at + 1, StringComparison.Ordinal))
        {
            var end = at + token.Length;
            if (end == text.Length || char.IsWhiteSpace(text[end]) || text[end] is ',' or ']' or '}')
            {
                var lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
                return (text.AsSpan(0, at).Count('\n') + 1, at - lineStart + 1);
            }
        }

        return (1, 1);
    }

    private static string Clean(string message)
    {
        var idx = message.IndexOf("): ", StringComparison.Ordinal);
        var text = idx >= 0 && message.StartsWith('(') ? message[(idx + 3)..] : message;
        text = text.TrimEnd('.');
        return text.StartsWith("While ", StringComparison.Ordinal) ? "w" + text[1..] : text;
    }
}
