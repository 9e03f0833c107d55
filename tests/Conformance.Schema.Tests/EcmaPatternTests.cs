using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Schema.Tests;

/// <summary>
/// Patterns read as ECMA-262 with the <c>u</c> flag: by code point (astral characters, <c>.</c>, classes and their
/// negations, \p{...} and \P{...} over surrogate pairs), with ECMA's \s (U+FEFF in, U+0085 out) and ECMA's ASCII \b,
/// beyond what the suite's optional files try.
/// </summary>
[TestFixture]
public sealed class EcmaPatternTests
{
    /// <summary>Whether a schema of <paramref name="pattern"/> alone (which must load cleanly) accepts the string <paramref name="text"/>.</summary>
    internal static bool Matches(string pattern, string text, bool linear = false)
    {
        var schema = new JsonObject { ["pattern"] = pattern }.ToJsonString();
        // A generous timeout: these pin what matches, and on a busy 2-core machine the default 200 ms was seen to run out
        // (the first pass timed out, the second matched: "the instance is not valid").
        var loaded = JsonSchema.Parse(schema, options: new SchemaOptions { LinearPatterns = linear, RegexTimeout = TimeSpan.FromSeconds(10) });
        Assert.That(loaded.Diagnostics, Is.Empty, pattern);
        return loaded.Schema!.Validate(JsonValue.Create(text)).IsValid;
    }

    [TestCase("^🐲*$", "", true)]
    [TestCase("^🐲*$", "🐲🐲", true)]
    [TestCase("^🐲*$", "🐉", false)]
    [TestCase("^🐲{2}$", "🐲🐲", true)]
    [TestCase("^🐲{2}$", "🐲", false)]
    [TestCase("^\\u{1F432}+$", "🐲🐲", true)]
    [TestCase("^\\uD83D\\uDC32?$", "", true)]
    [TestCase("^.$", "🐲", true)]
    [TestCase("^..$", "🐲", false)]
    [TestCase("^.{3}$", "a🐲b", true)]
    [TestCase("^[🐲🐉]$", "🐉", true)]
    [TestCase("^[🐲🐉]+$", "🐉🐲a", false)]
    [TestCase("^[🐲-🐵]{2}$", "🐳🐴", true)]
    [TestCase("^[🐲-🐵]$", "🐶", false)]
    [TestCase("^[a-\\u{1F432}]$", "😀", false)]
    [TestCase("^[a-\\u{1F432}]$", "🐱", true)]
    [TestCase("^[^a]$", "🐲", true)]
    [TestCase("^[^🐲]$", "🐲", false)]
    [TestCase("^[^🐲]$", "🐉", true)]
    [TestCase("^[^🐲]$", "b", true)]
    [TestCase("^\\S$", "🐲", true)]
    [TestCase("^\\D\\W$", "🐲🐉", true)]
    [TestCase("^[\\d🐲]+$", "1🐲2", true)]
    [TestCase("^[\\u0000-\\uFFFF]{2}$", "🐲", false)]
    [TestCase("^[\\u0000-\\uFFFF]🐲$", "é🐲", true)]
    public void Pattern_AstralCharacters_MatchByCodePoint(string pattern, string text, bool expected)
    {
        Assert.That(Matches(pattern, text), Is.EqualTo(expected));
        Assert.That(Matches(pattern, text, linear: true), Is.EqualTo(expected), "LinearPatterns");
    }

    // U+1D400 MATHEMATICAL BOLD CAPITAL A (Lu) and U+1D41A MATHEMATICAL BOLD SMALL A (Ll) are astral letters, U+1D7CE
    // MATHEMATICAL BOLD DIGIT ZERO an astral Nd, 🐲 (U+1F432) an astral So: each is one character to \p{...} and \P{...}.
    [TestCase("^\\p{L}$", "𝐀", true)]
    [TestCase("^\\p{L}$", "🐲", false)]
    [TestCase("^\\P{L}$", "🐲", true)]
    [TestCase("^\\P{L}$", "𝐀", false)]
    [TestCase("^\\P{L}{2}$", "🐲", false)]
    [TestCase("^\\P{L}\\P{L}$", "🐲🐉", true)]
    [TestCase("^\\p{L}+$", "a𝐀é𝐚", true)]
    [TestCase("^\\p{L}+$", "a𝐀1", false)]
    [TestCase("^\\p{L}{2}$", "𝐀𝐚", true)]
    [TestCase("^\\p{L}{2}$", "𝐀", false)]
    [TestCase("^\\p{Lu}\\p{Ll}$", "𝐀𝐚", true)]
    [TestCase("^\\p{Lu}\\p{Ll}$", "𝐚𝐀", false)]
    [TestCase("^\\p{Letter}$", "𝐀", true)]
    [TestCase("^\\p{Nd}$", "𝟎", true)]
    [TestCase("^\\p{Nd}$", "𝐀", false)]
    [TestCase("^\\p{So}$", "🐲", true)]
    [TestCase("^[\\p{L}\\d]+$", "𝐀1b", true)]
    [TestCase("^[\\p{L}\\d]+$", "𝐀1🐲", false)]
    [TestCase("^[\\p{L}🐲]{2}$", "🐲𝐀", true)]
    [TestCase("^[^\\p{L}]$", "𝐀", false)]
    [TestCase("^[^\\p{L}]$", "🐲", true)]
    [TestCase("^[^\\p{L}\\d]$", "1", false)]
    [TestCase("^[^\\p{L}\\d]$", "-", true)]
    [TestCase("^[\\P{L}]$", "🐲", true)]
    [TestCase("^[\\P{L}]$", "𝐀", false)]
    [TestCase("^[^\\P{L}]$", "𝐀", true)]
    [TestCase("^[^\\P{L}]$", "🐲", false)]
    [TestCase("^\\p{Other_Symbol}$", "🐲", true)]
    [TestCase("^\\p{Dash_Punctuation}$", "-", true)]
    [TestCase("^\\p{Dash_Punctuation}$", "a", false)]
    [TestCase("^\\p{Script=Greek}$", "α", true)]
    [TestCase("^\\p{Script=Greek}$", "a", false)]
    [TestCase("^\\P{Script=Greek}$", "🐲", true)]
    [TestCase("^\\P{Script=Greek}$", "α", false)]
    public void Pattern_UnicodeProperties_MatchAstralCodePoints(string pattern, string text, bool expected) =>
        Assert.That(Matches(pattern, text), Is.EqualTo(expected));

    // The non-backtracking engine takes a property's hundreds of astral ranges too, but needs about a second to build
    // each such regex (measured on a 2-core machine), so a few patterns only.
    [TestCase("^\\p{L}+$", "a𝐀é𝐚", true)]
    [TestCase("^\\p{L}+$", "a𝐀🐲", false)]
    [TestCase("^\\P{Lu}$", "𝐚", true)]
    [TestCase("^\\P{Lu}$", "𝐀", false)]
    public void Pattern_UnicodePropertiesWithLinearPatterns_MatchAstralCodePoints(string pattern, string text, bool expected) =>
        Assert.That(Matches(pattern, text, linear: true), Is.EqualTo(expected));

    // ECMA's word characters are [A-Za-z0-9_] only: é is not one (.NET's \b takes it as one), nor is an astral letter.
    [TestCase("a\\b", "aé", true)]
    [TestCase("a\\B", "aé", false)]
    [TestCase("é\\b", "é", false)]
    [TestCase("é\\B", "é", true)]
    [TestCase("\\bé", "é", false)]
    [TestCase("\\Bé", "é", true)]
    [TestCase("\\bfoo\\b", "a foo b", true)]
    [TestCase("\\bfoo\\b", "afoo", false)]
    [TestCase("\\Bfoo", "afoo", true)]
    [TestCase("\\Bfoo", "a foo", false)]
    [TestCase("^\\w+\\b", "abc", true)]
    [TestCase("a\\b𝐀", "a𝐀", true)]
    [TestCase("a\\B𝐀", "a𝐀", false)]
    [TestCase("🐲\\B🐉", "🐲🐉", true)]
    [TestCase("🐲\\b🐉", "🐲🐉", false)]
    public void Pattern_WordBoundary_IsAsciiAsInEcma(string pattern, string text, bool expected)
    {
        Assert.That(Matches(pattern, text), Is.EqualTo(expected));
        Assert.That(Matches(pattern, text, linear: true), Is.EqualTo(expected), "LinearPatterns");
    }

    [TestCase("^[\\b]$", "\b", true)]
    [TestCase("^[\\b]$", "b", false)]
    [TestCase("^[a\\b]+$", "a\ba", true)]
    [TestCase("^[^\\b]$", "\b", false)]
    [TestCase("^[^\\b]$", "b", true)]
    public void Pattern_BackspaceInClass_IsU0008(string pattern, string text, bool expected) =>
        Assert.That(Matches(pattern, text), Is.EqualTo(expected));

    [Test]
    public void Pattern_SameSchemaOnTextWithAndWithoutPairs_AnswersByCodePointBoth()
    {
        // One compiled pattern: text without surrogates runs the code-unit translation, text with one the code-point one.
        var loaded = JsonSchema.Parse("""{"pattern": "^[^/]+/.\\S$"}""");
        bool Valid(string text) => loaded.Schema!.Validate(JsonValue.Create(text)).IsValid;

        Assert.That(new[] { Valid("ab/cd"), Valid("🐲/🐉🐲"), Valid("a🐲/é\uFEFF") }, Is.EqualTo(new[] { true, true, false }));
        Assert.That(new[] { Valid("ab/c"), Valid("🐲/🐉"), Valid("a/🐲🐲🐲") }, Is.All.False);
    }

    // ECMA-262 WhiteSpace and LineTerminator: TAB, VT, FF, SP, NBSP, ZWNBSP (U+FEFF), every Zs, LF, CR, LS, PS.
    [TestCase('\t'), TestCase('\v'), TestCase('\f'), TestCase(' '), TestCase('\u00A0'), TestCase('\uFEFF'), TestCase('\u1680')]
    [TestCase('\u2000'), TestCase('\u200A'), TestCase('\u202F'), TestCase('\u205F'), TestCase('\u3000')]
    [TestCase('\n'), TestCase('\r'), TestCase('\u2028'), TestCase('\u2029')]
    public void Pattern_EcmaWhitespace_IsSpaceInAndOutsideClasses(char space)
    {
        var text = space.ToString();
        Assert.That(new[] { Matches("^\\s$", text), Matches("^[\\s]$", text), Matches("^[^\\S]$", text) }, Is.All.True);
        Assert.That(new[] { Matches("^\\S$", text), Matches("^[\\S]$", text), Matches("^[^\\s]$", text) }, Is.All.False);
    }

    // Not ECMA whitespace, though .NET's \s or char.IsWhiteSpace take some: NEL (U+0085), ZWSP (U+200B), U+180E.
    [TestCase('\u0085'), TestCase('\u200B'), TestCase('\u180E'), TestCase('\u0001'), TestCase('\u2013')]
    public void Pattern_NotEcmaWhitespace_IsNotSpace(char other)
    {
        var text = other.ToString();
        Assert.That(new[] { Matches("^\\s$", text), Matches("^[\\s]$", text), Matches("^[^\\S]$", text) }, Is.All.False);
        Assert.That(new[] { Matches("^\\S$", text), Matches("^[\\S]$", text), Matches("^[^\\s]$", text) }, Is.All.True);
    }

    [TestCase("\r"), TestCase("\n"), TestCase("\u2028"), TestCase("\u2029")]
    public void Pattern_DotAtLineTerminator_DoesNotMatch(string terminator) =>
        Assert.That(Matches("^a.b$", "a" + terminator + "b"), Is.False);

    [Test]
    public void Pattern_EmptyClasses_AsEcmaReadsThem()
    {
        Assert.That(Matches("^[]$", ""), Is.False, "[] matches no character");
        Assert.That(Matches("a[]", "a]"), Is.False, "[] matches no character, not a literal ]");
        Assert.That(Matches("^[^]{2}$", "\n🐲"), Is.True, "[^] matches any character");
    }

    [Test]
    public void Validate_AstralPatternMismatch_PinsMessage()
    {
        var loaded = JsonSchema.Parse("""{"pattern": "^🐲*$", "patternProperties": {"^🐲*$": {"type": "integer"}}}""");
        using var instance = JsonDocument.Parse("""{"🐲🐲": "hello"}""");
        using var text = JsonDocument.Parse("\"🐉\"");
        var errors = loaded.Schema!.Validate(instance.RootElement).Errors.Select(e => e.ToString());
        var mismatch = loaded.Schema!.Validate(text.RootElement).Errors.Select(e => e.ToString());

        Assert.That(errors, Is.EqualTo(new[] { "/🐲🐲: expected type \"integer\" but got string \"hello\"" }));
        Assert.That(mismatch, Is.EqualTo(new[] { ": \"🐉\" does not match pattern \"^🐲*$\"" }));
    }

    [Test]
    public void Parse_ReversedAstralRange_IsInvalidRegex()
    {
        var loaded = JsonSchema.Parse("""{"pattern": "[🐵-🐲]"}""");

        Assert.That(loaded.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "CT0206" }));
        Assert.That(loaded.Diagnostics.Single().ToString(), Is.EqualTo(
            "<schema>(1,13): error CT0206: \"pattern\" has an invalid regular expression \"[🐵-🐲]\", range \"🐵-🐲\" is in reverse order. "
            + "Fix: write an ECMA-262 regular expression (escape backslashes as \\\\ in JSON)"));
    }

    // Scripts and binary properties are read from UnicodeProperties.txt (UnicodePropertyEscapeTests), not as .NET names.
    [TestCase("\\p{Script=Latin}"), TestCase("\\p{Alphabetic}"), TestCase("[\\P{ASCII}]"), TestCase("\\p{scx=Hira}")]
    public void Parse_UnicodePropertyUnknownToDotNet_IsValid(string pattern) =>
        Assert.That(JsonSchema.Parse(new JsonObject { ["pattern"] = pattern }.ToJsonString()).Diagnostics, Is.Empty);

    // .NET block names and .NET-only forms are not ECMA-262 property names.
    [TestCase("\\p{IsGreek}"), TestCase("\\p{Script=IsGreek}"), TestCase("[\\P{IsBasicLatin}]"), TestCase("\\p{L}\\p{Greek}")]
    public void Parse_DotNetOnlyPropertyName_IsInvalidRegex(string pattern) =>
        Assert.That(JsonSchema.Parse(new JsonObject { ["pattern"] = pattern }.ToJsonString()).Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "CT0206" }));

    [Test]
    public void Validate_CatastrophicAstralPatternWithLinearPatterns_NoTimeout()
    {
        var options = new SchemaOptions { RegexTimeout = TimeSpan.FromMilliseconds(1), LinearPatterns = true };
        var schema = JsonSchema.Parse("""{"pattern": "^(🐲+)+.$"}""", options: options).Schema!;

        var result = schema.Validate(JsonValue.Create(string.Concat(Enumerable.Repeat("🐲", 40)) + "\n"));

        Assert.That(result.Errors.Select(e => e.ToString()), Has.One.StartsWith(": \"\\uD83D\\uDC32").And.EndWith("does not match pattern \"^(🐲+)+.$\""));
    }

    [Test]
    public void Validate_CatastrophicPatternOnAstralText_CodePointRegexTimesOutToo()
    {
        var options = new SchemaOptions { RegexTimeout = TimeSpan.FromMilliseconds(50) };
        var schema = JsonSchema.Parse("""{"pattern": "^(.+)+$"}""", options: options).Schema!;
        var dragons = string.Concat(Enumerable.Repeat("🐲", 28));
        using var text = JsonDocument.Parse("\"" + dragons + "\\n\"");

        var result = schema.Validate(text.RootElement);

        Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { ": pattern \"^(.+)+$\" timed out after 50 ms on \"" + dragons + "\\n\"" }));
    }
}
