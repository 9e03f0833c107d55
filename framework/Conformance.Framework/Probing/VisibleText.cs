using System.Globalization;
using System.Text;

namespace Conformance.Probing;

/// <summary>A response's text as a message quotes it on one line, with nothing in it that a terminal would act on.</summary>
internal static class VisibleText
{
    /// <summary>
    /// The line with a tab as a space and every other control character written as <c>\uXXXX</c>: an escape sequence in a
    /// body (<c>ESC[31m</c>) would otherwise reach the console and the CI log as a command to the terminal.
    /// </summary>
    public static string Of(string line)
    {
        if (!line.Any(char.IsControl))
        {
            return line;
        }

        var text = new StringBuilder(line.Length + 16);
        foreach (var c in line)
        {
            _ = c == '\t' ? text.Append(' ') : char.IsControl(c) ? text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)) : text.Append(c);
        }

        return text.ToString();
    }
}
