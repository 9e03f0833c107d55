using System.Buffers;
using Skip = Conformance.Reporting.ReadThrough.Skip;

namespace Conformance.Reporting;

/// <summary>
/// A secret a target wrote in pieces or escaped its own way: a text body wrapped every N characters (base64 in MIME lines
/// of 76, a debug page's fixed-width block) with LF, CRLF or CR and the next line indented, the same inside a JSON string
/// (<c>\n</c>, <c>\r\n</c>, <c>\r</c>, <c>\t</c> escaped), cut into groups by spaces or tabs (<c>abcd efgh</c>, a hex
/// dump's <c>74 6f 6b</c>), or with some of its characters escaped as its encoder chose (<see cref="SecretEscapes"/>),
/// also escaped again (<c>%25252B</c>, <c>\\u002B</c>, <c>&amp;amp;#43;</c>, or a mix).
/// The forms of the secrets are looked for once more, in the text read as if those separators were not there and those
/// escapes decoded (<see cref="ReadThrough"/>), and again in that reading read so, up to <see cref="MaxLevels"/> times
/// while the reading before decoded an escape to <c>%</c>, <c>\</c> or <c>&amp;</c> that starts another; a form found is masked from its first
/// character to its last, what lies between with it. A form found across spaces or tabs alone must be
/// <see cref="MinSpacedForm"/> characters or more and hold a character other than a letter: words a sentence puts side by
/// side (<c>open sesame</c>) are not a secret (<c>opensesame</c>) written in groups. The places where characters were
/// skipped are worked out only when a form is found.
/// </summary>
internal static class WrappedSecrets
{
    public const int MinSpacedForm = 8;

    /// <summary>
    /// Readings at most: a URL inside a URL inside a URL (<c>%25252B</c>, the third reading finds <c>+</c>, the second its
    /// form <c>%2B</c>), serialized JSON inside JSON inside JSON, and one escape of another kind around it. Each reading
    /// after the first is one more pass over a text whose reading before decoded an escape inside an escape.
    /// </summary>
    public const int MaxLevels = 4;

    private static readonly SearchValues<char> Letters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    public static string Mask(string text, IReadOnlyList<string> forms, SearchValues<string> search)
    {
        var first = text.AsSpan().IndexOfAny(ReadThrough.Starts);
        if (first < 0)
        {
            return text;
        }

        char[][] buffers = [ArrayPool<char>.Shared.Rent(text.Length), ArrayPool<char>.Shared.Rent(text.Length), ArrayPool<char>.Shared.Rent(text.Length)];
        try
        {
            var found = Find(text, first, forms, search, buffers);
            var hits = found.Count == 0 ? [] : Place(text, first, found, buffers);
            return hits.Count == 0 ? text : SecretMatches.Apply(text, hits);
        }
        finally
        {
            foreach (var buffer in buffers)
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>The forms found in each reading (null where none was), the last reading with one last.</summary>
    private static List<List<(int Start, int End)>?> Find(string text, int first, IReadOnlyList<string> forms, SearchValues<string> search, char[][] buffers)
    {
        var levels = new List<List<(int Start, int End)>?>();
        ReadOnlySpan<char> source = text;
        while (levels.Count < MaxLevels && first >= 0)
        {
            var buffer = buffers[levels.Count % 2];
            var (length, nested) = ReadThrough.Read(source, first, buffer, null);
            if (length == source.Length)
            {
                break;
            }

            // The reading is read again as it is; it is searched folded, in place when it is not read again.
            var folded = nested ? buffers[2].AsSpan(0, length) : buffer.AsSpan(0, length);
            if (nested)
            {
                buffer.AsSpan(0, length).CopyTo(folded);
            }

            SecretMatches.FoldInPlace(folded);
            levels.Add(SecretMatches.Find(folded, forms, search));
            if (!nested)
            {
                break;
            }

            source = buffer.AsSpan(0, length);
            first = source.IndexOfAny(ReadThrough.Starts);
        }

        while (levels.Count > 0 && levels[^1] is null)
        {
            levels.RemoveAt(levels.Count - 1);
        }

        return levels;
    }

    /// <summary>The hits of each reading as ranges of the text: the readings made again, this time with where they skipped characters.</summary>
    private static List<(int Start, int End)> Place(string text, int first, List<List<(int Start, int End)>?> found, char[][] buffers)
    {
        var hits = new List<(int Start, int End)>();
        var skips = new List<List<Skip>>();
        ReadOnlySpan<char> source = text;
        for (var level = 0; level < found.Count; level++)
        {
            var buffer = buffers[level % 2];
            skips.Add([]);
            var (length, _) = ReadThrough.Read(source, first, buffer, skips[level]);
            source = buffer.AsSpan(0, length);
            foreach (var hit in found[level] ?? [])
            {
                if (Place(hit, source, skips) is { } placed)
                {
                    hits.Add(placed);
                }
            }

            first = source.IndexOfAny(ReadThrough.Starts);
        }

        return hits;
    }

    /// <summary>
    /// A hit in the last of <paramref name="levels"/>' readings as a range of the text (separators before and after it
    /// left out), through each reading back to the text; null when nothing was skipped or decoded inside it, or it was
    /// found across spaces or tabs alone and is short or letters only.
    /// </summary>
    private static (int Start, int End)? Place((int Start, int End) hit, ReadOnlySpan<char> read, List<List<Skip>> levels)
    {
        var word = hit.End - hit.Start < MinSpacedForm || !read[hit.Start..hit.End].ContainsAnyExcept(Letters);
        var (inside, spaced, broken) = (false, false, false);
        for (var level = levels.Count - 1; level >= 0; level--)
        {
            var skips = levels[level];
            var (from, to, trailing) = (ReadThrough.Before(skips, hit.Start), ReadThrough.Before(skips, hit.End), 0);
            for (var i = from + 1; i <= to; i++)
            {
                if (skips[i].At == hit.End && skips[i].Run > 0)
                {
                    trailing += skips[i].Run;
                    continue;
                }

                inside = true;
                spaced |= skips[i] is { Run: > 0, Break: false };
                broken |= skips[i].Break;
            }

            hit = (hit.Start + (from < 0 ? 0 : skips[from].Skipped), hit.End + (to < 0 ? 0 : skips[to].Skipped) - trailing);
        }

        return !inside || (spaced && !broken && word) ? null : hit;
    }
}
