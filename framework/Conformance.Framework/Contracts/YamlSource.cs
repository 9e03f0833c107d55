using Conformance.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Conformance.Contracts;

/// <summary>Parses one YAML file into a node tree whose nodes keep their line and column.</summary>
internal static class YamlSource
{
    public static YamlNode? Load(string text, string path, DiagnosticBag bag)
    {
        var tab = FindTabIndent(text);
        if (tab is { } at)
        {
            bag.Error(ErrorCodes.TabIndent, new SourceLocation(path, at.Line, at.Column),
                "Tab character used for indentation", "YAML allows only spaces for indentation");
            return null;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            var code = ex.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) ? ErrorCodes.DuplicateKey : ErrorCodes.YamlSyntax;
            var why = Clean(ex.InnerException?.Message ?? ex.Message);
            bag.Error(code, new SourceLocation(path, (int)ex.Start.Line, (int)ex.Start.Column), "The file is not valid YAML", why);
            return null;
        }
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

    private static string Clean(string message)
    {
        var idx = message.IndexOf("): ", StringComparison.Ordinal);
        var text = idx >= 0 && message.StartsWith('(') ? message[(idx + 3)..] : message;
        return text.TrimEnd('.').Replace("While scanning", "while scanning", StringComparison.Ordinal);
    }
}
