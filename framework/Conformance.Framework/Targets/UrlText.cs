using System.Text.RegularExpressions;

namespace Conformance.Targets;

/// <summary>
/// A URL setting as an error message may show it when it is not a usable URL (a typo such as <c>https//</c>, no scheme):
/// whatever stands before an <c>@</c> in its authority (user info) and its query are replaced by <c>***</c>, since they
/// may hold a password or a key, and nothing else can tell them apart in a text that does not parse; so is each path
/// segment that reads as a key (a webhook's, <see cref="Reporting.PathSecrets"/>).
/// </summary>
public static partial class UrlText
{
    public static string Masked(string text)
    {
        var parts = Parts().Match(text);
        var rest = Reporting.PathSecrets.Masked(parts.Groups["rest"].Value);
        return (parts.Groups["user"].Success ? parts.Groups["scheme"].Value + "***@" + rest : parts.Groups["scheme"].Value + rest)
            + (parts.Groups["query"].Success ? parts.Groups["query"].Value[0] + "***" : string.Empty);
    }

    [GeneratedRegex(@"^(?<scheme>(?:[A-Za-z][A-Za-z0-9+.\-]*:?//?)?)(?<user>[^/?#]*@)?(?<rest>[^?#]*)(?<query>[?#].*)?$", RegexOptions.Singleline)]
    private static partial Regex Parts();
}
