namespace Conformance.Contracts;

/// <summary>An HTTP token (RFC 9110 5.6.2): what a header name, or a cookie name, must be.</summary>
internal static class HttpToken
{
    public static bool Is(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));
}
