using System.Text;

namespace Conformance.Pact.Interop;

/// <summary>Literal text for the Rust regex crate libpact_ffi filters with: its meta characters escaped, nothing else.</summary>
internal static class RustRegex
{
    private const string Meta = @"\.+*?()|[]{}^$#&-~";

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Meta.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
