namespace Conformance.Schema.Keywords;

/// <summary>Sets of code points as sorted, disjoint, non-adjacent inclusive ranges.</summary>
internal static class CodePointRanges
{
    /// <summary>The ranges sorted, with overlapping and adjacent ones joined.</summary>
    public static List<(int From, int To)> Merge(IEnumerable<(int From, int To)> ranges)
    {
        var merged = new List<(int From, int To)>();
        foreach (var (from, to) in ranges.OrderBy(r => r.From))
        {
            if (merged.Count > 0 && from <= merged[^1].To + 1)
            {
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, to));
            }
            else
            {
                merged.Add((from, to));
            }
        }

        return merged;
    }

    /// <summary>The code points from <paramref name="min"/> to <paramref name="max"/> in none of the ranges.</summary>
    public static List<(int From, int To)> Complement(IEnumerable<(int From, int To)> ranges, int min, int max)
    {
        var complement = new List<(int From, int To)>();
        var next = min;
        foreach (var (from, to) in Merge(ranges))
        {
            if (to < min || from > max)
            {
                continue;
            }

            if (from > next)
            {
                complement.Add((next, from - 1));
            }

            next = Math.Max(next, to + 1);
        }

        if (next <= max)
        {
            complement.Add((next, max));
        }

        return complement;
    }

    /// <summary>The parts of the ranges between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static List<(int From, int To)> Within(IEnumerable<(int From, int To)> ranges, int min, int max) =>
        [.. Merge(ranges).Where(r => r.To >= min && r.From <= max).Select(r => (Math.Max(r.From, min), Math.Min(r.To, max)))];
}
