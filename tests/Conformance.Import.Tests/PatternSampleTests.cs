using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Schema;

namespace Conformance.Import.Tests;

/// <summary>
/// <see cref="PatternSample"/>: a text each pattern of the supported subset accepts, as the pack's own validator judges it
/// (JSON Schema <c>pattern</c>, with the length bounds), and null for what it does not support.
/// </summary>
public sealed class PatternSampleTests
{
    [TestCase(@"^[A-Z]{3}-\d{4}$", "AAA-0000")]
    [TestCase(@"^\d+$", "0")]
    [TestCase(@"^\w\s\w$", "a a")]
    [TestCase(@"^[^0-9]{2}$", "aa")]
    [TestCase(@"^[^a-z_]$", "0")]
    [TestCase(@"^(?:EUR|USD)$", "EUR")]
    [TestCase(@"^(ab)+c?$", "ab")]
    [TestCase(@"^(?<year>\d{4})-(?<month>0[1-9]|1[0-2])$", "0000-01")]
    [TestCase(@"^a{2,}?b*?$", "aa")]
    [TestCase(@"^\+\d{1,3} \(\d{3}\)$", "+0 (000)")]
    [TestCase(@"^.{3}\.$", "aaa.")]
    [TestCase(@"^[\w.-]+@[a-z]+\.com$", "a@a.com")]
    [TestCase(@"^\x41\u0042[\-+]$", "AB-")]
    [TestCase(@"^a{1}b{,2}$", "ab{,2}")]
    [TestCase(@"[0-9a-f]{8}", "00000000")]
    [TestCase(@"^$", "")]
    [TestCase(@"^(|x)y$", "y")]
    [TestCase(@"^\t[\s]\S\W\D$", "\t a-a")]
    [TestCase(@"^\p{L}+$", "a")]
    [TestCase(@"^\p{Lu}\p{gc=Nd}\P{L}$", "A00")]
    [TestCase(@"^\p{Script=Greek}{2}$", "\u0370\u0370")]
    [TestCase(@"^[\p{sc=Cyrl}\d]-[^\p{Alphabetic}]$", "\u0400-0")]
    [TestCase(@"^\p{Alphabetic}{3}\d$", "aaa0")]
    public void For_SupportedPattern_ATextThePatternAccepts(string pattern, string expected)
    {
        var text = PatternSample.For(pattern);

        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo(expected));
            Assert.That(Accepts(new JsonObject { ["type"] = "string", ["pattern"] = pattern }, text!), Is.True, "the pack's validator accepts it");
        });
    }

    [TestCase(@"^[A-Z]+\d*$", 5, null, "AAAAA")]
    [TestCase(@"^[A-Z]{2,8}$", 0, 1, null)]
    [TestCase(@"^[a-z]{2,8}$", 6, 7, "aaaaaa")]
    [TestCase(@"^(ab){1,4}$", 5, null, "ababab")]
    [TestCase(@"^x(y|zzz)$", 4, null, "xzzz")]
    [TestCase(@"\d{3}", 5, null, "000aa")]
    [TestCase(@"^\d{3}$", 5, null, null)]
    [TestCase(@"^[a-z]*$", 0, 0, "")]
    [TestCase(@"^[a-z]+$", 3, 3, "aaa")]
    public void For_LengthBounds_MetOrNull(string pattern, int minLength, int? maxLength, string? expected)
    {
        var text = PatternSample.For(pattern, minLength, maxLength);

        Assert.That(text, Is.EqualTo(expected));
        if (text is not null)
        {
            var schema = new JsonObject { ["type"] = "string", ["pattern"] = pattern, ["minLength"] = minLength };
            if (maxLength is { } max)
            {
                schema["maxLength"] = max;
            }

            Assert.That(Accepts(schema, text), Is.True, "the pack's validator accepts it");
        }
    }

    [TestCase(@"^(?=.*\d)\w+$", TestName = "For_Lookahead_Null")]
    [TestCase(@"^(?!x)\w+$", TestName = "For_NegativeLookahead_Null")]
    [TestCase(@"^(?<=a)b$", TestName = "For_Lookbehind_Null")]
    [TestCase(@"^(a)\1$", TestName = "For_Backreference_Null")]
    [TestCase(@"^(?<x>a)\k<x>$", TestName = "For_NamedBackreference_Null")]
    [TestCase(@"\bword\b", TestName = "For_WordBoundary_Null")]
    [TestCase(@"^\p{Greek}+$", TestName = "For_UnknownUnicodeProperty_Null")]
    [TestCase(@"^\p{Script=Gothic}$", TestName = "For_UnicodePropertyWithoutBmpMembers_Null")]
    [TestCase(@"(?i)^abc$", TestName = "For_InlineFlags_Null")]
    [TestCase(@"^[a-z-[aeiou]]$", TestName = "For_ClassSubtraction_Null")]
    [TestCase(@"^[]a]$", TestName = "For_EmptyClass_Null")]
    [TestCase(@"^a**$", TestName = "For_DoubledQuantifier_Null")]
    [TestCase(@"^a++$", TestName = "For_PossessiveQuantifier_Null")]
    [TestCase(@"^(ab$", TestName = "For_UnclosedGroup_Null")]
    [TestCase(@"^[ab$", TestName = "For_UnclosedClass_Null")]
    [TestCase(@"^a{3,1}$", TestName = "For_BoundsReversed_Null")]
    [TestCase(@"^*a$", TestName = "For_QuantifiedAnchor_Null")]
    [TestCase(@"a^b", TestName = "For_AnchorNoTextCanMeet_Null")]
    [TestCase(@"^[z-a]$", TestName = "For_RangeReversed_Null")]
    [TestCase(@"^\d{5000}$", TestName = "For_SampleLongerThan4096_Null")]
    [TestCase("^a$\n", TestName = "For_DollarBeforeAFinalNewline_NullAsECMA262Reads")]
    public void For_UnsupportedOrUnmeetable_Null(string pattern) => Assert.That(PatternSample.For(pattern), Is.Null);

    [Test]
    public void For_NestingDeeperThan64_Null() => Assert.Multiple(() =>
    {
        Assert.That(PatternSample.For(new string('(', 64) + "a" + new string(')', 64)), Is.EqualTo("a"));
        Assert.That(PatternSample.For(new string('(', 100_000) + "a" + new string(')', 100_000)), Is.Null, "no stack overflow");
    });

    // Audit: a quantifier after an astral character applies to its low surrogate alone (ECMA-262 without the u flag,
    // and the pack's validator, read it so): ^😀{2}$ drafted a lone surrogate, which is not text.
    [TestCase("^😀{2}$", null)]
    [TestCase("^x😀?$", "x😀")]
    [TestCase("^😀+$", "😀")]
    [TestCase("^[😀]$", null)]
    [TestCase("^\\uD83D$", null)]
    public void For_QuantifiedAstralCharacter_WellFormedTextOrNull(string pattern, string? expected)
    {
        var text = PatternSample.For(pattern);

        Assert.That(text, Is.EqualTo(expected));
        if (text is not null)
        {
            Assert.That(Accepts(new JsonObject { ["type"] = "string", ["pattern"] = pattern }, text), Is.True, "the pack's validator accepts it");
        }
    }

    // Audit: (?:){2000000000} took 32 s, one empty copy at a time.
    [TestCase("(?:){2000000000}", "")]
    [TestCase("^(?:a?){2000000000}b$", "b")]
    [TestCase("^(?:(?:){1000}){2000000000}x$", "x")]
    [TestCase("^(?:|ab){2000000,}c$", "c")]
    [TestCase("^(?:a|){3,2000000000}$", "")]
    public void For_HugeRepetitionOfAnEmptyOrTinyGroup_DraftedWithoutBuildingEveryCopy(string pattern, string? expected)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var text = PatternSample.For(pattern);

        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo(expected));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "a hang guard, not a speed figure: it took 32 s to over 12 minutes");
        });
    }

    private static bool Accepts(JsonObject schema, string text)
    {
        var loaded = JsonSchema.Parse(schema.ToJsonString());
        Assert.That(loaded.Schema, Is.Not.Null, string.Join("; ", loaded.Diagnostics));
        return loaded.Schema!.Validate(JsonSerializer.SerializeToElement(text)).IsValid;
    }

    [Test]
    public void Judge_NearMissOfABacktrackingPattern_FalseWithinAnyTimeout()
    {
        // 40 letters without the final digit: a backtracking engine tries 2^40 ways to split them, and a match timed out
        // (null: the importer then searched no more variants with that pattern).
        var judged = PatternSample.Judge(new string('a', 40), @"^([a-z]+)+[0-9]$", 0, null, TimeSpan.FromMilliseconds(1));

        Assert.That(judged, Is.False);
    }
}
