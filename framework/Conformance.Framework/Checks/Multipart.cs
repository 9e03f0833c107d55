namespace Conformance.Checks;

/// <summary>Splits a multipart body into the bodies of its parts (part headers removed).</summary>
internal static class Multipart
{
    public static List<string> Split(string body, string boundary)
    {
        // A delimiter is "--boundary" at the start of a line (RFC 2046 5.1.1); the same text inside a part is content.
        var delimiter = "--" + boundary;
        var parts = new List<string>();
        var segments = System.Text.RegularExpressions.Regex.Split(body, "(?:^|\r?\n)" + System.Text.RegularExpressions.Regex.Escape(delimiter) + "(?=--|[ \t]*\r?\n|[ \t]*$)");
        foreach (var segment in segments.Skip(1))
        {
            if (segment.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            var text = segment.TrimStart('\r', '\n');
            var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var alt = text.IndexOf("\n\n", StringComparison.Ordinal);
            var content = split >= 0 ? text[(split + 4)..] : alt >= 0 ? text[(alt + 2)..] : text;
            parts.Add(content.TrimEnd('\r', '\n'));
        }

        return parts;
    }
}
