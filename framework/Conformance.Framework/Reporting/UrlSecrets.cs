using System.Text.RegularExpressions;

namespace Conformance.Reporting;

/// <summary>
/// Credentials inside any URL a text quotes, whoever wrote it (a redirect's Location, a link in a body, an error): the
/// user info after <c>://</c>, and the value of each parameter named like a credential (<c>?access_token=</c>,
/// <c>&amp;api_key=</c>, <c>#access_token=</c>, <c>;jsessionid=</c>), as the request's own query parameters are masked.
/// </summary>
internal static partial class UrlSecrets
{
    public static string Mask(string text, Func<string, bool> isSecretName)
    {
        if (text.Contains("://", StringComparison.Ordinal) && text.Contains('@', StringComparison.Ordinal))
        {
            text = UserInfo().Replace(text, Redactor.Mask);
        }

        if (text.Contains('=', StringComparison.Ordinal) && text.AsSpan().IndexOfAny("?&#;") >= 0)
        {
            text = QueryParameter().Replace(text, m => isSecretName(Uri.UnescapeDataString(m.Groups["name"].Value)) && !IsPlaceholder(m.Groups["value"].Value) ? $"{m.Value[0]}{m.Groups["name"].Value}={Redactor.Mask}" : m.Value);
        }

        return text;
    }

    /// <summary>A pack's placeholder (<c>{token}</c>, <c>${api_key}</c>) as a CT0304 message shows where the credential goes.</summary>
    private static bool IsPlaceholder(string value) => value.EndsWith('}') && (value.StartsWith('{') || value.StartsWith("${", StringComparison.Ordinal));

    /// <summary>The user info of a URL: after <c>scheme://</c>, up to the <c>@</c> before the host.</summary>
    [GeneratedRegex(@"(?<=[A-Za-z][A-Za-z0-9+.\-]*://)[^/?#@\s'""<>\\]+(?=@)")]
    private static partial Regex UserInfo();

    /// <summary>
    /// A parameter after <c>?</c> or <c>&amp;</c>, after <c>#</c> (an OAuth implicit grant's <c>#access_token=</c>) or <c>;</c>
    /// (<c>;jsessionid=</c>), its value up to the next delimiter, quote, comma, closing parenthesis or space. The match
    /// starts at the delimiter (kept in the replacement), not after it: a pattern that opens with a lookbehind is tried at
    /// every position of the text, one that opens with these four characters only where one stands (found vectorized);
    /// this method went from 0.040 to 0.016 ms of CPU a case in a 10,000-row pipeline profile (bench/README.md item 25).
    /// </summary>
    [GeneratedRegex(@"[?&#;](?<name>[^=&#?;\s'""<>\\]+)=(?<value>[^&#?;,)\s'""<>\\]+)")]
    private static partial Regex QueryParameter();
}
