using System.Globalization;
using System.Text;

namespace Conformance.Contracts;

/// <summary>
/// A mapping entry's key read from its line alone, for a file YAML cannot read whole: a plain name (<c>get_thing:</c>)
/// or a quoted one (<c>"400":</c>, <c>'get_thing':</c>, <c>"get\u005fthing":</c>, <c>'it''s':</c>), decoded as YAML
/// decodes it. <see cref="Raw"/> is the key as written (to write it again), <see cref="Name"/> its value.
/// </summary>
internal sealed record YamlKey(string Raw, string Name)
{
    /// <summary>The key starting at <paramref name="at"/> when a ':' then a space or the line's end follows it, else null.</summary>
    public static YamlKey? At(string line, int at)
    {
        var (name, end) = at < line.Length && line[at] is '"' or '\'' ? Quoted(line, at) : Plain(line, at);
        var rest = end < 0 ? string.Empty : line[end..].TrimStart(' ');
        return name is { Length: > 0 } && rest.StartsWith(':') && (rest.Length == 1 || rest[1] == ' ') ? new YamlKey(line[at..end], name) : null;
    }

    private static (string? Name, int End) Plain(string line, int at)
    {
        var end = at;
        while (end < line.Length && (char.IsAsciiLetterOrDigit(line[end]) || line[end] is '_' or '-' or '.'))
        {
            end++;
        }

        return (line[at..end], end);
    }

    /// <summary>The decoded text of the quoted scalar at <paramref name="at"/> and the index after its closing quote; (null, -1) when it is not closed on the line or has an escape YAML does not define.</summary>
    private static (string? Name, int End) Quoted(string line, int at)
    {
        var quote = line[at];
        var text = new StringBuilder();
        for (var i = at + 1; i < line.Length; i++)
        {
            var c = line[i];
            if (quote == '\'' && c == '\'')
            {
                if (i + 1 < line.Length && line[i + 1] == '\'')
                {
                    text.Append('\'');
                    i++;
                    continue;
                }

                return (text.ToString(), i + 1);
            }

            if (quote == '"' && c == '"')
            {
                return (text.ToString(), i + 1);
            }

            if (quote == '"' && c == '\\')
            {
                if (Escape(line, i + 1) is not ({ } decoded, var length))
                {
                    return (null, -1);
                }

                text.Append(decoded);
                i += length;
                continue;
            }

            text.Append(c);
        }

        return (null, -1);
    }

    /// <summary>The character(s) a double-quoted escape stands for (the text after its '\') and how many characters follow the '\'.</summary>
    private static (string? Text, int Length) Escape(string line, int at)
    {
        if (at >= line.Length)
        {
            return (null, 0);
        }

        var single = line[at] switch
        {
            '0' => "\0", 'a' => "\a", 'b' => "\b", 't' or '\t' => "\t", 'n' => "\n", 'v' => "\v", 'f' => "\f", 'r' => "\r", 'e' => "\u001b",
            ' ' => " ", '"' => "\"", '/' => "/", '\\' => "\\", 'N' => "\u0085", '_' => "\u00a0", 'L' => "\u2028", 'P' => "\u2029",
            _ => null,
        };
        if (single is not null)
        {
            return (single, 1);
        }

        var digits = line[at] switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
        if (digits == 0 || at + digits >= line.Length
            || !int.TryParse(line.AsSpan(at + 1, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || code is < 0 or > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
        {
            return (null, 0);
        }

        return (char.ConvertFromUtf32(code), digits + 1);
    }
}
