namespace Conformance.Reporting;

/// <summary>
/// A key a configured URL carries in its path, as a webhook's does (<c>https://hooks.example.com/services/T000/B000/&lt;key&gt;</c>,
/// Teams' <c>IncomingWebhook/&lt;hex&gt;/...</c>, Discord's <c>webhooks/&lt;id&gt;/&lt;token&gt;</c>). A path segment reads as a key
/// when, percent-decoded, its runs of ASCII letters and digits that mix letters with digits add up to
/// <see cref="MinKeyCharacters"/> characters (a random token, a hex key, most GUIDs), or one run of that length is letters of
/// both cases, at least a quarter each (a random token without digits). Words, dates, version segments and short or
/// all-digit ids (<c>v2</c>, <c>acme-corporation</c>, <c>2023-10-01-preview</c>, <c>IncomingWebhookService</c>, <c>T000</c>,
/// <c>123456789012345678</c>) do not; a segment such as <c>MyTenant2024Archive</c> does, and is masked to no harm.
/// </summary>
internal static class PathSecrets
{
    public const int MinKeyCharacters = 16;

    /// <summary>The segments of <paramref name="path"/> (as it is written in the URL, percent-encoded) that read as keys.</summary>
    public static IEnumerable<string> Of(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(IsKey);

    /// <summary>The path (or URL text) with each segment that reads as a key replaced by <see cref="Redactor.Mask"/>.</summary>
    public static string Masked(string path) => string.Join('/', path.Split('/').Select(s => IsKey(s) ? Redactor.Mask : s));

    /// <summary>The hostname with each label that reads as a key replaced by <see cref="Redactor.Mask"/> (<c>***.webhook.example.com</c>).</summary>
    public static string MaskedHost(string host) => string.Join('.', host.Split('.').Select(l => IsKey(l) ? Redactor.Mask : l));

    public static bool IsKey(string segment)
    {
        var text = Uri.UnescapeDataString(segment);
        if (text.Length < MinKeyCharacters)
        {
            return false;
        }

        var mixed = 0;
        for (var start = 0; start < text.Length;)
        {
            var end = start;
            var (letters, digits, upper) = (0, 0, 0);
            for (; end < text.Length && char.IsAsciiLetterOrDigit(text[end]); end++)
            {
                (letters, digits, upper) = char.IsAsciiDigit(text[end]) ? (letters, digits + 1, upper) : (letters + 1, digits, upper + (char.IsAsciiLetterUpper(text[end]) ? 1 : 0));
            }

            var length = end - start;
            mixed += letters > 0 && digits > 0 ? length : 0;
            if (mixed >= MinKeyCharacters || (digits == 0 && length >= MinKeyCharacters && upper * 4 >= letters && (letters - upper) * 4 >= letters))
            {
                return true;
            }

            start = end + 1;
        }

        return false;
    }
}
