using System.Text.RegularExpressions;
using Conformance.Schema.Keywords;

namespace Conformance.Schema.Tests;

/// <summary>
/// A lone surrogate (a high one not followed by a low one, a low one not after a high one) is one code point to
/// ECMA-262 with the <c>u</c> flag: <c>.</c>, negated classes, \D \W \S and \P{...} take it as one character; a pair
/// stays one character. A JSON instance does not carry one to <c>pattern</c> (System.Text.Json will not read it as a
/// string; a JsonNode's is written as U+FFFD), so these run <see cref="EcmaRegex"/> itself, as the importer's samples do.
/// </summary>
[TestFixture]
public sealed class EcmaRegexLoneSurrogateTests
{
    // An attribute's strings are stored as UTF-8, which has no lone surrogates: the texts write them as \uXXXX escapes.
    private static bool Matches(string pattern, string text, bool linear) =>
        RegexCache.TryGet(pattern, TimeSpan.FromSeconds(5), out var error, linear) is { } regex
            ? regex.IsMatch(Regex.Unescape(text))
            : throw new AssertionException($"{pattern}: {error}");

    [TestCase("^.$", "\\uD800", true)]
    [TestCase("^.$", "\\uDFFF", true)]
    [TestCase("^.$", "\\uDC00\\uD800", false)]
    [TestCase("^..$", "\\uDC00\\uD800", true)]
    [TestCase("^..$", "\\uD800a", true)]
    [TestCase("^.$", "\\uD800a", false)]
    [TestCase("^..$", "🐲\\uD800", true)]
    [TestCase("^...$", "🐲\\uD800", false)]
    [TestCase("^.+$", "\\uDC32🐲\\uD83D", true)]
    [TestCase("^[^a]$", "\\uD800", true)]
    [TestCase("^[^a]{2}$", "🐲\\uDC00", true)]
    [TestCase("^[^a]{3}$", "🐲\\uDC00", false)]
    [TestCase("^[^🐲]$", "\\uDC32", true)]
    [TestCase("^[^\\uD800-\\uDFFF]$", "\\uD800", false)]
    [TestCase("^[^\\uD800-\\uDFFF]$", "🐲", true)]
    [TestCase("^\\D\\W\\S$", "\\uDBFF\\uDC00\\uDBFF", false)]
    [TestCase("^\\D\\W\\S$", "\\uDBFF\\uDBFF\\uDBFF", true)]
    [TestCase("^\\D\\W\\S$", "\\uDC00🐲\\uD800", true)]
    [TestCase("^\\P{L}$", "\\uD800", true)]
    [TestCase("^\\p{L}$", "\\uD800", false)]
    [TestCase("^\\p{Cs}$", "\\uD800", true)]
    [TestCase("^\\p{Cs}$", "🐲\\uD800", false)]
    public void IsMatch_LoneSurrogate_IsOneCharacter(string pattern, string text, bool expected)
    {
        Assert.That(Matches(pattern, text, linear: false), Is.EqualTo(expected));
        Assert.That(Matches(pattern, text, linear: true), Is.EqualTo(expected), "LinearPatterns");
    }

    // A surrogate in a pattern (escaped or not) is a lone one: it never matches half of a pair.
    [TestCase("\\uDC32", "🐲", false)]
    [TestCase("\\uDC32", "a\\uDC32", true)]
    [TestCase("^\\uD83D", "🐲", false)]
    [TestCase("^\\uD83D$", "\\uD83D", true)]
    [TestCase("^\\u{D83D}$", "\\uD83D", true)]
    [TestCase("[\\uDC00-\\uDFFF]", "🐲\\uD800", false)]
    [TestCase("[\\uDC00-\\uDFFF]", "\\uD800\\uDC00\\uDC00", true)]
    [TestCase("^[\\uD800-\\uDBFF]", "🐲", false)]
    [TestCase("[\\uD800-\\uDBFF]$", "🐲\\uD800", true)]
    [TestCase("^[\\u0000-\\uFFFF]$", "\\uD800", true)]
    [TestCase("^[\\u0000-\\uFFFF]$", "🐲", false)]
    public void IsMatch_SurrogateInPattern_MatchesOnlyLoneSurrogate(string pattern, string text, bool expected)
    {
        Assert.That(Matches(pattern, text, linear: false), Is.EqualTo(expected));
        Assert.That(Matches(pattern, text, linear: true), Is.EqualTo(expected), "LinearPatterns");
    }

    [Test]
    public void IsMatch_UnescapedSurrogateInPattern_MatchesOnlyLoneSurrogate()
    {
        var high = RegexCache.TryGet("^\uD83D", TimeSpan.FromSeconds(5), out _)!;
        var low = RegexCache.TryGet("\uDC32$", TimeSpan.FromSeconds(5), out _)!;

        Assert.That(new[] { high.IsMatch("\uD83D"), high.IsMatch("\uD83Da"), low.IsMatch("a\uDC32"), low.IsMatch("\uDC32\uDC32") }, Is.All.True);
        Assert.That(new[] { high.IsMatch("🐲"), high.IsMatch("a\uD83D"), low.IsMatch("🐲"), low.IsMatch("\uDC32a") }, Is.All.False);
    }

    [Test]
    public void IsMatch_SamePatternOnAllThreeKindsOfText_AnswersByCodePoint()
    {
        var regex = RegexCache.TryGet("^.[^x]\\W$", TimeSpan.FromSeconds(5), out _)!;

        Assert.That(new[] { regex.IsMatch("ab-"), regex.IsMatch("🐲🐉🐳"), regex.IsMatch("\uD800🐲\uDC00") }, Is.All.True);
        Assert.That(new[] { regex.IsMatch("abc"), regex.IsMatch("🐲x🐳"), regex.IsMatch("\uD800\uDC00\uDC00") }, Is.All.False);
    }
}
