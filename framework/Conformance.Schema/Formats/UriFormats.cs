using System.Text.RegularExpressions;

namespace Conformance.Schema.Formats;

/// <summary>uri/iri (RFC 3986/3987), uri-template (RFC 6570, shallow), uuid, JSON pointers and regex.</summary>
internal static partial class UriFormats
{
    public static bool IsUri(string value) => IsIri(value) && value.All(c => c < 128);

    public static bool IsUriReference(string value) => IsIriReference(value) && value.All(c => c < 128);

    public static bool IsIri(string value) => Scheme().IsMatch(value) && IsIriReference(value);

    public static bool IsIriReference(string value)
    {
        if (value.Any(c => c is ' ' or '\\' or '"' or '<' or '>' or '^' or '`' or '{' or '|' or '}' || char.IsControl(c)))
        {
            return false;
        }

        if (BadPercent().IsMatch(value) || value.Count(c => c == '#') > 1)
        {
            return false;
        }

        var authority = Authority().Match(value);
        if (authority.Success)
        {
            var host = authority.Groups[1].Value;
            var at = host.LastIndexOf('@');
            host = at >= 0 ? host[(at + 1)..] : host;
            if (host.StartsWith('['))
            {
                return host.Contains(']', StringComparison.Ordinal) && NetworkFormats.IsIpv6(host[1..host.IndexOf(']', StringComparison.Ordinal)]) || host.StartsWith("[v", StringComparison.OrdinalIgnoreCase);
            }

            var colon = host.LastIndexOf(':');
            if (colon >= 0 && !host[(colon + 1)..].All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsUriTemplate(string value) => UriTemplatePattern().IsMatch(value);

    public static bool IsUuid(string value) => UuidPattern().IsMatch(value);

    public static bool IsJsonPointer(string value) => JsonPointerPattern().IsMatch(value);

    public static bool IsRelativeJsonPointer(string value)
    {
        var match = RelativePointerPattern().Match(value);
        return match.Success;
    }

    public static bool IsRegex(string value) => Keywords.RegexCache.TryGet(value, TimeSpan.FromSeconds(1), out _) is not null;

    [GeneratedRegex(@"^(?:[^\x00-\x20""%<>\\^`{|}\x7F]|%[0-9A-Fa-f]{2}|\{[+#./;?&]?" + VarSpec + "(?:," + VarSpec + @")*\})*\z", RegexOptions.CultureInvariant)]
    private static partial Regex UriTemplatePattern();

    private const string VarChar = "(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})";
    private const string VarSpec = VarChar + @"(?:\.?" + VarChar + @")*(?::[1-9][0-9]{0,3}|\*)?";

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();

    [GeneratedRegex(@"%(?![0-9A-Fa-f]{2})", RegexOptions.CultureInvariant)]
    private static partial Regex BadPercent();

    [GeneratedRegex(@"^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//([^/?#]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Authority();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^(?:/(?:[^~/]|~[01])*)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex JsonPointerPattern();

    [GeneratedRegex(@"^(?:0|[1-9][0-9]*)(?:[+-](?:0|[1-9][0-9]*))?(?:#|(?:/(?:[^~/]|~[01])*)*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex RelativePointerPattern();
}
