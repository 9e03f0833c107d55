namespace Conformance.Schema.Loading;

/// <summary>Did-you-mean suggestions by Levenshtein distance.</summary>
internal static class Suggest
{
    /// <summary>The closest candidate within a distance of a third of the word (at least 2), or null.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            var distance = Distance(word.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= Math.Max(2, word.Length / 3) ? best : null;
    }

    /// <summary>Every candidate at the smallest distance, when that is within a third of the word (at least 2), in ordinal order.</summary>
    public static IReadOnlyList<string> Nearest(string word, IEnumerable<string> candidates)
    {
        var scored = candidates.Distinct(StringComparer.Ordinal).Select(c => (Candidate: c, Distance: Distance(word.ToUpperInvariant(), c.ToUpperInvariant()))).ToList();
        var best = scored.Count == 0 ? int.MaxValue : scored.Min(s => s.Distance);
        return best <= Math.Max(2, word.Length / 3) ? [.. scored.Where(s => s.Distance == best).Select(s => s.Candidate).Order(StringComparer.Ordinal)] : [];
    }

    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
