using System.Text.RegularExpressions;

namespace Conformance.Targets;

/// <summary>
/// A URL setting as an error message may show it when it is not a usable URL (a typo such as <c>https//</c>, no scheme):
/// whatever stands before an <c>@</c> in its authority (user info) and its query are replaced by <c>***</c>, since they
/// may hold a password or a key, and nothing else can tell them apart in a text that does not parse.
/// </summary>
public static partial class UrlText
{
    public static string Masked(string text)
    {
        var parts = Parts().Match(text);
        return (parts.Groups["user"].Success ? parts.Groups["scheme"].Value + "***@" + parts.Groups["rest"].Value : parts.Groups["scheme"].Value + parts.Groups["rest"].Value)
            + (parts.Groups["query"].Success ? parts.Groups["query"].Value[0] + "***" : string.Empty);
    }

    [GeneratedRegex(@"^(?<scheme>(?:[A-Za-z][A-Za-z0-9+.\-]*:?//?)?)(?<user>[^/?#]*@)?(?<rest>[^?#]*)(?<query>[?#].*)?$", RegexOptions.Singleline)]
    private static partial Regex Parts();
}
