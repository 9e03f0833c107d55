using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Conformance.Schema.Keywords;

/// <summary>
/// Compiles ECMA-262 patterns to .NET regexes once per (pattern, timeout, engine), translated by <see cref="EcmaPattern"/>
/// (code points, ECMA's \d \w \s and <c>.</c>, <c>$</c> only at the very end).
/// </summary>
internal static class RegexCache
{
    private static readonly ConcurrentDictionary<(string, TimeSpan, bool), Regex> Cache = new();

    /// <summary>
    /// Returns the compiled regex, or null with <paramref name="error"/> set when the pattern is invalid. With
    /// <paramref name="linear"/>, a pattern .NET's non-backtracking engine takes (all but lookarounds, backreferences,
    /// atomic groups and a few more) is compiled by it: a match takes time linear in the text and has no timeout, so its
    /// answer is the same on any machine; any other pattern is compiled as without it (backtracking, with
    /// <paramref name="timeout"/>).
    /// </summary>
    public static Regex? TryGet(string pattern, TimeSpan timeout, out string? error, bool linear = false)
    {
        error = null;
        if (Cache.TryGetValue((pattern, timeout, linear), out var cached))
        {
            return cached;
        }

        try
        {
            var regex = (linear ? Linear(EcmaPattern.Translate(pattern)) : null) ?? new Regex(EcmaPattern.Translate(pattern), RegexOptions.CultureInvariant | RegexOptions.Compiled, timeout);
            Cache.TryAdd((pattern, timeout, linear), regex);
            return regex;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
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
