using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Conformance.Schema.Keywords;

/// <summary>
/// Compiles ECMA-262 patterns to .NET regexes once per (pattern, timeout, engine), translated by <see cref="EcmaPattern"/>
/// (code points, ECMA's \d \w \s and <c>.</c>, <c>$</c> only at the very end).
/// </summary>
internal static class RegexCache
{
    private static readonly ConcurrentDictionary<(string, TimeSpan, bool), EcmaRegex> Cache = new();

    /// <summary>
    /// Returns the compiled pattern (the translation for text without surrogates; those for text with surrogates made and compiled on first need), or null with <paramref name="error"/> set when the pattern is invalid. With
    /// <paramref name="linear"/>, a pattern .NET's non-backtracking engine takes (all but lookarounds, backreferences,
    /// atomic groups and a few more) is compiled by it: a match takes time linear in the text and has no timeout, so its
    /// answer is the same on any machine; any other pattern is compiled as without it (backtracking, with
    /// <paramref name="timeout"/>).
    /// </summary>
    public static EcmaRegex? TryGet(string pattern, TimeSpan timeout, out string? error, bool linear = false)
    {
        error = null;
        if (Cache.TryGetValue((pattern, timeout, linear), out var cached))
        {
            return cached;
        }

        try
        {
            var units = EcmaPattern.Translate(pattern, EcmaText.NoSurrogates);
            var unitRegex = Compile(units, timeout, linear);
            var regex = new EcmaRegex(unitRegex, units, text => EcmaPattern.Translate(pattern, text), translated => CompileOr(translated, timeout, linear, unitRegex));
            Cache.TryAdd((pattern, timeout, linear), regex);
            return regex;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private static Regex Compile(string translated, TimeSpan timeout, bool linear) =>
        (linear ? Linear(translated) : null) ?? new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.Compiled, timeout);

    /// <summary>A regex for text with surrogates; should .NET refuse it where it took the code-unit one, the code-unit one.</summary>
    private static Regex CompileOr(string translated, TimeSpan timeout, bool linear, Regex fallback)
    {
        try
        {
            return Compile(translated, timeout, linear);
        }
        catch (ArgumentException)
        {
            return fallback;
        }
    }

    /// <summary>The non-backtracking regex of a translated pattern, or null for a construct that engine does not take.</summary>
    private static Regex? Linear(string translated)
    {
        try
        {
            return new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
