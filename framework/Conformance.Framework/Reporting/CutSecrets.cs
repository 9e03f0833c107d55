namespace Conformance.Reporting;

/// <summary>
/// A secret cut short where a text was shortened: a schema violation quotes 60 characters of a value, a setup failure
/// 200 of a body, each ending in <c>...</c>. The start of a secret right before such an ellipsis is masked as the whole
/// secret is, from <see cref="MinLength"/> characters on (fewer say nothing of it).
/// </summary>
internal static class CutSecrets
{
    public const int MinLength = 6;
    private const string Ellipsis = "...";

    public static string Mask(string text, IReadOnlyList<string> secrets)
    {
        for (var at = text.LastIndexOf(Ellipsis, StringComparison.Ordinal); at >= MinLength; at = text.LastIndexOf(Ellipsis, at - 1, StringComparison.Ordinal))
        {
            var cut = secrets.Max(s => CutLength(text, at, s));
            if (cut > 0)
            {
                text = string.Concat(text.AsSpan(0, at - cut), Redactor.Mask, text.AsSpan(at));
                at -= cut - Redactor.Mask.Length;
            }
        }

        return text;
    }

    /// <summary>How many characters before <paramref name="at"/> are the start of <paramref name="secret"/> (and not all of it), or 0.</summary>
    private static int CutLength(string text, int at, string secret)
    {
        for (var length = Math.Min(secret.Length - 1, at); length >= MinLength; length--)
        {
            if (text[at - length] == secret[0] && text.AsSpan(at - length, length).SequenceEqual(secret.AsSpan(0, length)))
            {
                return length;
            }
        }

        return 0;
    }
}
