using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace Conformance.Reporting;

/// <summary>
/// Where the forms of the secrets occur in a text, their ASCII letters in either case (a target that upper-cases a hex key
/// or lower-cases a token still quotes it); other characters match as they are. The forms are kept folded (ASCII
/// lower-case) and the text is folded once, in one vectorized pass that keeps every position, so each form is still one
/// ordinal search over the text: the cost stays linear in its length, as with exact matching.
/// </summary>
internal static class SecretMatches
{
    /// <summary>Each occurrence of a form replaced by <see cref="Redactor.Mask"/>; occurrences that overlap become one mask.</summary>
    /// <param name="text">The text.</param>
    /// <param name="forms">The forms, folded with <see cref="Fold(string)"/>, the longest first.</param>
    /// <param name="search">The same forms searched at once: the text is read once for all of them, not once a form.</param>
    public static string Mask(string text, IReadOnlyList<string> forms, SearchValues<string> search)
    {
        char[]? rented = null;
        try
        {
            var hits = Find(Fold(text, ref rented), forms, search);
            return hits is null ? text : Apply(text, hits);
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>
    /// Each occurrence of a form in the folded text, as its start and end; null when there is none. Where forms start at
    /// the same place, the longest (the forms come longest first) covers the others.
    /// </summary>
    public static List<(int Start, int End)>? Find(ReadOnlySpan<char> folded, IReadOnlyList<string> forms, SearchValues<string> search)
    {
        List<(int Start, int End)>? hits = null;
        for (var at = folded.IndexOfAny(search); at >= 0; at = folded[(at + 1)..].IndexOfAny(search) is var next and >= 0 ? at + 1 + next : -1)
        {
            foreach (var form in forms)
            {
                if (folded[at..].StartsWith(form, StringComparison.Ordinal))
                {
                    (hits ??= []).Add((at, at + form.Length));
                    break;
                }
            }
        }

        return hits;
    }

    /// <summary>The text with ASCII letters lower-cased (every other character, and every position, unchanged); itself when it has no upper-case ASCII letter.</summary>
    public static string Fold(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('A', 'Z');
        return first < 0 ? text : string.Create(text.Length, (text, first), static (span, state) =>
        {
            state.text.AsSpan(0, state.first).CopyTo(span);
            Fold(state.text.AsSpan(state.first), span[state.first..]);
        });
    }

    /// <summary>
    /// The text folded as <see cref="Fold(string)"/> does, in a buffer from the shared pool (a megabyte body costs no new
    /// large object), handed out in <paramref name="rented"/> to give back with <see cref="Return"/>; the text itself when
    /// it has no upper-case ASCII letter.
    /// </summary>
    public static ReadOnlySpan<char> Fold(string text, ref char[]? rented)
    {
        var first = text.AsSpan().IndexOfAnyInRange('A', 'Z');
        if (first < 0)
        {
            return text;
        }

        rented = ArrayPool<char>.Shared.Rent(text.Length);
        var folded = rented.AsSpan(0, text.Length);
        text.AsSpan(0, first).CopyTo(folded);
        Fold(text.AsSpan(first), folded[first..]);
        return folded;
    }

    public static void Return(char[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>The text's ASCII letters lower-cased where it stands, as <see cref="Fold(string)"/> does.</summary>
    public static void FoldInPlace(Span<char> text)
    {
        if (text.IndexOfAnyInRange('A', 'Z') is var first and >= 0)
        {
            Fold(text[first..], text[first..]);
        }
    }

    /// <summary>The next occurrence of <paramref name="form"/> at or after <paramref name="from"/>, or -1.</summary>
    public static int Next(ReadOnlySpan<char> text, ReadOnlySpan<char> form, int from) =>
        from >= text.Length ? -1 : text[from..].IndexOf(form, StringComparison.Ordinal) is var i and >= 0 ? from + i : -1;

    private static void Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        var from = MemoryMarshal.Cast<char, ushort>(source);
        var to = MemoryMarshal.Cast<char, ushort>(destination);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var a = new Vector<ushort>('A');
            var letters = new Vector<ushort>(26);
            var bit = new Vector<ushort>(0x20);
            for (; i <= from.Length - Vector<ushort>.Count; i += Vector<ushort>.Count)
            {
                var chars = new Vector<ushort>(from[i..]);
                (chars | (Vector.LessThan(chars - a, letters) & bit)).CopyTo(to[i..]);
            }
        }

        for (; i < from.Length; i++)
        {
            to[i] = from[i] is >= 'A' and <= 'Z' ? (ushort)(from[i] | 0x20) : from[i];
        }
    }

    /// <summary>The text with each hit masked once, overlapping hits merged (adjacent ones stay two masks, as two occurrences).</summary>
    public static string Apply(string text, List<(int Start, int End)> hits)
    {
        hits.Sort();
        var masked = new StringBuilder(text.Length);
        var done = 0;
        for (var i = 0; i < hits.Count;)
        {
            var (start, end) = hits[i];
            while (++i < hits.Count && hits[i].Start < end)
            {
                end = Math.Max(end, hits[i].End);
            }

            masked.Append(text, done, start - done).Append(Redactor.Mask);
            done = end;
        }

        return masked.Append(text, done, text.Length - done).ToString();
    }
}
