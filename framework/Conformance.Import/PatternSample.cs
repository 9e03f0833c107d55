using System.Text;
using System.Text.RegularExpressions;
using Conformance.Schema.Keywords;

namespace Conformance.Import;

/// <summary>
/// A string a JSON Schema <c>pattern</c> accepts, within <c>minLength</c> and <c>maxLength</c>: parsed by
/// <see cref="PatternParser"/>, built shortest first (longer where <c>minLength</c> asks), and always verified with
/// System.Text.RegularExpressions the way JSON Schema reads a pattern (ECMAScript, found anywhere in the text) and
/// against the bounds. Null when the pattern is outside the subset or no verified text was found.
/// </summary>
internal static class PatternSample
{
    /// <summary>Longer samples are not drafted: a person should choose such a value.</summary>
    private const int MaxSample = 4096;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <param name="hint">A text to follow where the pattern allows (a format's sample): each character the pattern
    /// lets stand at its place is taken from it, e.g. <c>2024-01-01</c> for <c>^\d{4}-\d{2}-\d{2}</c>.</param>
    /// <param name="spend">Counts the work of each match (<see cref="SampleContext.Match"/>): false when the sample's budget is spent.</param>
    public static string? For(string pattern, int minLength = 0, int? maxLength = null, string? hint = null, Func<int, bool>? spend = null)
    {
        if (PatternParser.Parse(pattern) is not { } root || root.Min > MaxSample)
        {
            return null;
        }

        var want = Math.Min(Math.Max(minLength, root.Min), Math.Min(root.Max, MaxSample));
        var text = Emit(root, maxLength is { } max && max < want && max >= root.Min ? max : want, hint);
        var pad = new string('a', Math.Clamp(minLength - text.Length, 0, 4096)); // a minLength past that gets no sample
        return new[] { text, text + pad, pad + text }.FirstOrDefault(t => Meets(t, pattern, minLength, maxLength, spend));
    }

    /// <summary>
    /// True when <paramref name="text"/> is text (no lone surrogate, which JSON cannot carry as a character), has a match
    /// of <paramref name="pattern"/>, as the validator reads it, and its length (in code points) is within the bounds;
    /// false, without matching, once <paramref name="spend"/> says the sample's budget is spent.
    /// </summary>
    public static bool Meets(string text, string pattern, int minLength, int? maxLength, Func<int, bool>? spend = null) => Judge(text, pattern, minLength, maxLength, Timeout, spend) == true;

    /// <summary>
    /// As <see cref="Meets"/>; null when the match ran out of <paramref name="timeout"/>, which only a pattern the
    /// non-backtracking engine does not take can (a lookaround, a backreference): any other is matched in time linear
    /// in the text, with no timeout (<c>^([a-z]+)+[0-9]$</c> on 40 letters backtracked until its timeout, 1 s or 250 ms).
    /// </summary>
    public static bool? Judge(string text, string pattern, int minLength, int? maxLength, TimeSpan timeout, Func<int, bool>? spend = null)
    {
        var length = text.EnumerateRunes().Count();
        try
        {
            // The pack's own validator's reading of the pattern (ECMA-262: $ only at the very end, \d ASCII), not .NET's.
            return WellFormed(text) && length >= minLength && length <= (maxLength ?? int.MaxValue) && (spend?.Invoke(text.Length) ?? true)
                && RegexCache.TryGet(pattern, timeout, out _, linear: true) is { } regex && regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>True when every surrogate in <paramref name="text"/> is half of a pair.</summary>
    public static bool WellFormed(string text) => !EcmaRegex.HasLoneSurrogate(text);

    /// <summary>A text <paramref name="node"/> matches, as near <paramref name="want"/> characters as it allows.</summary>
    private static string Emit(PatternNode node, int want, string? hint)
    {
        var builder = new StringBuilder();
        Emit(node, Math.Clamp(want, node.Min, node.Max), builder, hint ?? string.Empty);
        return builder.ToString();
    }

    private static void Emit(PatternNode node, int want, StringBuilder text, string hint)
    {
        switch (node)
        {
            case CharNode one:
                text.Append(text.Length < hint.Length && one.Matches(hint[text.Length]) ? hint[text.Length] : one.Sample);
                break;
            case SequenceNode sequence:
                // Each item its shortest, then the extra the wanted length asks for, first come first served.
                var extra = want - sequence.Min;
                foreach (var item in sequence.Items)
                {
                    var more = Math.Min(extra, item.Max - item.Min);
                    Emit(item, item.Min + more, text, hint);
                    extra -= more;
                }

                break;
            case ChoiceNode choice:
                var branch = choice.Branches.MinBy(b => want < b.Min ? b.Min - want : want > b.Max ? want - b.Max : 0)!;
                Emit(branch, Math.Clamp(want, branch.Min, branch.Max), text, hint);
                break;
            case RepeatNode repeat:
                Repeat(repeat, want, text, hint);
                break;
        }
    }

    /// <summary>
    /// The fewest copies that reach <paramref name="want"/>, the length shared out among them. A copy whose share is
    /// nothing, of an item that may be empty, is empty: only the copies with a share are built (<c>(?:){2000000000}</c>
    /// took 32 s one empty copy at a time).
    /// </summary>
    private static void Repeat(RepeatNode repeat, int want, StringBuilder text, string hint)
    {
        var (item, count) = (repeat.Item, repeat.Least);
        if (item.Max > 0 && want > PatternNode.Times(item.Max, count))
        {
            count = Math.Min(repeat.Most, Math.Max(count, (int)Math.Ceiling(want / (double)item.Max)));
        }

        var total = Math.Clamp(want, PatternNode.Times(item.Min, count), PatternNode.Times(item.Max, count));
        var built = item.Min == 0 ? Math.Min(count, total) : count; // count * item.Min <= total: at most the wanted length
        for (var i = 0; i < built; i++)
        {
            Emit(item, Math.Clamp((total / count) + (i < total % count ? 1 : 0), item.Min, item.Max), text, hint);
        }
    }
}
