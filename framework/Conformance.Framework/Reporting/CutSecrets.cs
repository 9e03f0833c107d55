using System.Text;

namespace Conformance.Reporting;

/// <summary>
/// A secret cut short where a text was shortened: a schema violation quotes 60 characters of a value, a setup failure
/// 200 of a body, each ending in <c>...</c>. The start of a secret right before such an ellipsis is masked as the whole
/// secret is, from <see cref="MinLength"/> characters on (fewer say nothing of it), its ASCII letters in either case as
/// <see cref="SecretMatches"/> matches them (the secrets come folded). Each secret's first characters are searched once
/// over the text, so a hostile body of a million ellipses costs no more than any other megabyte.
/// </summary>
internal static class CutSecrets
{
    public const int MinLength = 6;
    private const string Ellipsis = "...";

    public static string Mask(string text, IReadOnlyList<string> secrets)
    {
        if (!text.Contains(Ellipsis, StringComparison.Ordinal))
        {
            return text;
        }

        char[]? rented = null;
        try
        {
            return Mask(text, SecretMatches.Fold(text, ref rented), secrets);
        }
        finally
        {
            SecretMatches.Return(rented);
        }
    }

    private static string Mask(string text, ReadOnlySpan<char> folded, IReadOnlyList<string> secrets)
    {
        var cuts = new List<(int Start, int Length)>();
        foreach (var secret in secrets.Where(s => s.Length > MinLength))
        {
            var head = secret.AsSpan(0, MinLength);
            for (var at = SecretMatches.Next(folded, head, 0); at >= 0; at = SecretMatches.Next(folded, head, at + 1))
            {
                var length = MinLength;
                while (length < secret.Length && at + length < folded.Length && folded[at + length] == secret[length])
                {
                    length++;
                }

                if (length < secret.Length && folded[(at + length)..].StartsWith(Ellipsis, StringComparison.Ordinal))
                {
                    cuts.Add((at, length));
                }
            }
        }

        return cuts.Count == 0 ? text : Apply(text, cuts);
    }

    /// <summary>Each cut masked once, the longest where two overlap.</summary>
    private static string Apply(string text, List<(int Start, int Length)> cuts)
    {
        var masked = new StringBuilder(text.Length);
        var done = 0;
        foreach (var (start, length) in cuts.OrderBy(c => c.Start).ThenByDescending(c => c.Length))
        {
            if (start >= done)
            {
                masked.Append(text, done, start - done).Append(Redactor.Mask);
                done = start + length;
            }
        }

        return masked.Append(text, done, text.Length - done).ToString();
    }
}
