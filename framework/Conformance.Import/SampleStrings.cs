using System.Text.Json.Nodes;
using Conformance.Schema;
using Conformance.Schema.Formats;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>Strings of <see cref="Samples"/>: a format's sample, a text its pattern accepts, other texts for a variant.</summary>
internal static partial class Samples
{
    /// <summary>What a variant puts in place of a character, or after the text.</summary>
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>How many last characters a variant may change.</summary>
    private const int VariedPlaces = 8;

    /// <summary>How long one pattern match of the search for variants may take (a safety net for backtracking patterns).</summary>
    private static readonly TimeSpan VariantTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// A sample meeting <c>format</c> and <c>minLength</c>, cut to <c>maxLength</c>; where <c>pattern</c> does not accept
    /// it, a text the pattern accepts within the lengths (following the format's sample, then all ones, where there is a
    /// format the validator checks, so that the text is one of the format too), else the same sample, listed in the
    /// context. The <paramref name="nth"/> other one is a variant (<see cref="Variants"/>), where there is one.
    /// </summary>
    private static string StringValue(IOpenApiSchema schema, string pointer, SampleContext context, int nth)
    {
        var text = FirstText(schema, pointer, context);
        return nth == 0 ? text : Variants(schema, text, pointer, context).Skip(nth - 1).FirstOrDefault() ?? text;
    }

    private static string FirstText(IOpenApiSchema schema, string pointer, SampleContext context)
    {
        var (min, max) = (Math.Min(schema.MinLength ?? 0, MaxDrafted), schema.MaxLength);
        var text = Contracts.FormatSample.For(schema.Format, min, "sample");
        text = max is { } most && text.Length > most ? text[..most] : text;
        bool Spend(int length) => context.Match(length, pointer);
        if (schema.Pattern is not { Length: > 0 } pattern)
        {
            return text;
        }

        var met = PatternSample.Meets(text, pattern, min, max, Spend);
        if (met && IsFormat(schema.Format, text))
        {
            return text;
        }

        var checks = IsChecked(schema.Format);
        IEnumerable<Func<string?>> tries = checks
            ? [() => PatternSample.For(pattern, min, max, text, Spend), () => PatternSample.For(pattern, min, max, new string('1', 64), Spend), () => PatternSample.For(pattern, min, max, spend: Spend)]
            : [() => PatternSample.For(pattern, min, max, spend: Spend)];
        string? matching = met ? text : null; // matched once: each match is work (SampleContext.Match)
        foreach (var next in tries)
        {
            if (next() is { } candidate && PatternSample.Meets(candidate, pattern, min, max, Spend))
            {
                if (IsFormat(schema.Format, candidate))
                {
                    return candidate;
                }

                matching ??= candidate;
            }
        }

        context.Unmet.Add(new UnmetPattern(pointer, pattern, matching ?? text, matching is null ? null : schema.Format));
        return matching ?? text;
    }

    /// <summary>
    /// Other texts the schema accepts (lengths, pattern, format): one of the last characters changed, then one more
    /// character at the end, each from <see cref="Alphabet"/> (<c>sample</c>: <c>sampla</c>, <c>samplb</c>...): at most
    /// 550 texts, each match counted (<see cref="SampleContext.Match"/>). The search stops at a pattern match that runs out
    /// of its time (only a pattern the non-backtracking engine does not take can), and the pattern is not searched again
    /// in this sample (<see cref="SampleContext.SlowPatterns"/>).
    /// </summary>
    private static IEnumerable<string> Variants(IOpenApiSchema schema, string text, string pointer, SampleContext context)
    {
        var (min, max) = (Math.Min(schema.MinLength ?? 0, MaxDrafted), schema.MaxLength);
        if (schema.Pattern is { Length: > 0 } slow && context.SlowPatterns.Contains(slow))
        {
            yield break;
        }

        bool? Fits(string t) => (schema.Pattern is { Length: > 0 } pattern ? PatternSample.Judge(t, pattern, min, max, VariantTimeout, n => context.Match(n, pointer))
            : PatternSample.WellFormed(t) && t.Length >= min && t.Length <= (max ?? int.MaxValue)) is { } fits ? fits && IsFormat(schema.Format, t) : null;
        var changed = Enumerable.Range(0, Math.Min(text.Length, VariedPlaces)).Select(back => text.Length - 1 - back)
            .SelectMany(at => Alphabet.Where(c => c != text[at]).Select(c => string.Concat(text.AsSpan(0, at), c.ToString(), text.AsSpan(at + 1))));
        foreach (var variant in changed.Concat(Alphabet.Select(c => text + c)).TakeWhile(_ => context.Stopped is null))
        {
            if (Fits(variant) is not { } fits)
            {
                context.SlowPatterns.Add(schema.Pattern!);
                yield break;
            }

            if (fits)
            {
                yield return variant;
            }
        }
    }

    /// <summary>
    /// The drafted text cut, or padded with <c>a</c>, to each length next to (one less, equal, one more) a <c>minLength</c>
    /// or <c>maxLength</c> of the schema or of its <c>oneOf</c>, <c>anyOf</c>, <c>allOf</c> and <c>not</c> parts, shortest
    /// first: a oneOf whose branches overlap on lengths (<c>maxLength: 10</c> and any string) takes only a text of another
    /// length than a variant's (<see cref="Variants"/> keep the length, or add one character). None for a value that is no text.
    /// </summary>
    private static IEnumerable<string> OtherLengths(IOpenApiSchema schema, JsonNode? value)
    {
        if (value is not JsonValue drafted || !drafted.TryGetValue<string>(out var text))
        {
            return [];
        }

        var parts = new[] { schema, schema.Not }.Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? []).OfType<IOpenApiSchema>();
        return parts.SelectMany(p => new[] { p.MinLength, p.MaxLength }).OfType<int>().SelectMany(b => new[] { b - 1, b, b + 1 })
            .Where(n => n >= 0 && n <= MaxDrafted && n != text.Length && (n >= text.Length || n == 0 || !char.IsHighSurrogate(text[n - 1])))
            .Distinct().Order().Select(n => n < text.Length ? text[..n] : text + new string('a', n - text.Length));
    }

    private static bool IsChecked(string? format) => format is not null && FormatCheckers.Find(format, Dialect.Draft202012) is not null;

    /// <summary>True when the validator, asserting formats, takes <paramref name="text"/> as a <paramref name="format"/> (any text for a format it does not know).</summary>
    private static bool IsFormat(string? format, string text) => format is null || FormatCheckers.Find(format, Dialect.Draft202012) is not { } check || check(text);
}
