using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Schema.Keywords;

namespace Conformance.Schema.Tests;

/// <summary>
/// ECMA-262 Unicode property escapes (u flag): Script and Script_Extensions by code point (not .NET's blocks), astral
/// included; the binary properties; General_Category in all its forms; \P and classes; names as strict as the spec's.
/// Every case here was checked against Node 20's own RegExp.
/// </summary>
[TestFixture]
public sealed class UnicodePropertyEscapeTests
{
    private static bool Matches(string pattern, string text, bool linear = false) => EcmaPatternTests.Matches(pattern, text, linear);

    // α (U+03B1) is Greek script; Ϣ (U+03E2), in the Greek and Coptic block, is Coptic script; ἀ (U+1F00, Greek
    // Extended) is Greek; 𐌰 (U+10330) is Gothic, astral. U+0951 (Devanagari stress sign udatta) is Script=Inherited
    // with Devanagari among its Script_Extensions; U+0342 (combining Greek perispomeni) Inherited with scx=Grek.
    [TestCase("^\\p{Script=Greek}$", "α", true)]
    [TestCase("^\\p{Script=Greek}$", "\u03E2", false)]
    [TestCase("^\\p{sc=Grek}$", "\u1F00", true)]
    [TestCase("^\\p{sc=Copt}$", "\u03E2", true)]
    [TestCase("^\\p{sc=Qaac}$", "α", false)]
    [TestCase("^\\p{Script=Gothic}$", "\U00010330", true)]
    [TestCase("^\\p{Script=Gothic}$", "α", false)]
    [TestCase("^\\p{sc=Goth}{2}$", "\U00010330\U00010331", true)]
    [TestCase("^\\p{Script_Extensions=Devanagari}$", "\u0951", true)]
    [TestCase("^\\p{Script=Devanagari}$", "\u0951", false)]
    [TestCase("^\\p{Script=Inherited}$", "\u0951", true)]
    [TestCase("^\\p{scx=Deva}$", "α", false)]
    [TestCase("^\\p{scx=Grek}$", "\u0342", true)]
    [TestCase("^\\p{sc=Grek}$", "\u0342", false)]
    [TestCase("^\\P{Script=Greek}$", "\u03E2", true)]
    [TestCase("^\\P{Script=Greek}$", "\u1F00", false)]
    [TestCase("^\\P{sc=Goth}$", "\U00010330", false)]
    [TestCase("^\\P{sc=Goth}$", "🐲", true)]
    [TestCase("^[\\p{sc=Grek}\\d]+$", "α1\u1F00", true)]
    [TestCase("^[\\p{sc=Grek}\\d]+$", "α1\u03E2", false)]
    [TestCase("^[\\p{sc=Goth}a]$", "\U00010330", true)]
    [TestCase("^[^\\p{sc=Grek}\\d]$", "\u03E2", true)]
    [TestCase("^[^\\p{sc=Grek}\\d]$", "α", false)]
    [TestCase("^[^\\p{sc=Grek}\\d]$", "7", false)]
    [TestCase("^[^\\p{sc=Goth}]$", "\U00010330", false)]
    [TestCase("^[^\\p{sc=Goth}]$", "🐲", true)]
    [TestCase("^[^\\P{sc=Grek}]$", "\u1F00", true)]
    [TestCase("^[^\\P{sc=Grek}]$", "\u03E2", false)]
    public void Pattern_ScriptProperties_MatchByScriptNotBlock(string pattern, string text, bool expected) =>
        Assert.That(Matches(pattern, text), Is.EqualTo(expected));

    // U+0085 is White_Space in Unicode (not ECMA's \s); U+200B is neither. U+0378 is unassigned. Digits are Emoji
    // (keycap bases), A is not.
    [TestCase("^\\p{Alphabetic}$", "\U00010330", true)]
    [TestCase("^\\p{Alpha}$", "1", false)]
    [TestCase("^\\p{ASCII}+$", "az~\u007F", true)]
    [TestCase("^\\p{ASCII}$", "é", false)]
    [TestCase("^[\\P{ASCII}]$", "é", true)]
    [TestCase("^\\p{Any}{2}$", "🐲\u0378", true)]
    [TestCase("^\\p{Any}$", "", false)]
    [TestCase("^\\P{Any}$", "a", false)]
    [TestCase("^\\p{Assigned}$", "a", true)]
    [TestCase("^\\p{Assigned}$", "\u0378", false)]
    [TestCase("^\\p{White_Space}$", "\u0085", true)]
    [TestCase("^\\p{space}$", "\u200B", false)]
    [TestCase("^\\p{Emoji}$", "😀", true)]
    [TestCase("^\\p{Emoji}$", "A", false)]
    [TestCase("^\\p{ID_Continue}+$", "a1_\U000E0100", true)]
    [TestCase("^\\p{ID_Continue}$", "-", false)]
    [TestCase("^\\p{AHex}+$", "09afAF", true)]
    [TestCase("^\\p{ASCII_Hex_Digit}$", "g", false)]
    public void Pattern_BinaryProperties_MatchTheirCodePoints(string pattern, string text, bool expected) =>
        Assert.That(Matches(pattern, text), Is.EqualTo(expected));

    // ǅ (U+01C5) is Lt, so a Cased_Letter (LC), which .NET has no name for.
    [TestCase("^\\p{gc=L}$", "a", true)]
    [TestCase("^\\p{gc=L}$", "1", false)]
    [TestCase("^\\p{General_Category=Letter}$", "\U0001D400", true)]
    [TestCase("^\\p{General_Category=Letter}$", "🐲", false)]
    [TestCase("^\\p{General_Category=Lu}$", "A", true)]
    [TestCase("^\\p{gc=Decimal_Number}$", "x", false)]
    [TestCase("^\\p{digit}$", "7", true)]
    [TestCase("^\\p{LC}$", "\u01C5", true)]
    [TestCase("^\\p{Cased_Letter}$", "\u01BB", false)]
    [TestCase("^\\P{LC}$", "\u01C5", false)]
    [TestCase("^\\P{LC}$", "🐲", true)]
    [TestCase("^[^\\p{LC}]$", "\U0001D400", false)]
    public void Pattern_GeneralCategoryForms_MatchTheCategory(string pattern, string text, bool expected) =>
        Assert.That(Matches(pattern, text), Is.EqualTo(expected));

    [TestCase("^\\p{sc=Goth}$", "\U00010330", true)]
    [TestCase("^\\p{sc=Goth}$", "🐲", false)]
    [TestCase("^[^\\p{sc=Grek}\\d]$", "\u03E2", true)]
    [TestCase("^[^\\p{sc=Grek}\\d]$", "\u1F00", false)]
    [TestCase("^\\p{ID_Continue}+$", "a1_\U000E0100", true)]
    [TestCase("^\\p{ID_Continue}+$", "a-", false)]
    public void Pattern_PropertiesWithLinearPatterns_MatchAsBacktracking(string pattern, string text, bool expected) =>
        Assert.That(Matches(pattern, text, linear: true), Is.EqualTo(expected));

    // An attribute's strings are stored as UTF-8, which has no lone surrogates: the texts write them as \uXXXX escapes.
    [TestCase("^\\p{Any}$", "\\uD800", true)]
    [TestCase("^\\P{Script=Greek}$", "\\uDC00", true)]
    [TestCase("^\\p{Script=Unknown}$", "a\\uD800", false)]
    [TestCase("^\\p{Script=Unknown}$", "\\uD800", true)]
    [TestCase("^\\p{Assigned}$", "\\uDFFF", true)]
    [TestCase("^\\p{Alphabetic}$", "\\uD800", false)]
    [TestCase("^[^\\p{Any}]$", "\\uD800", false)]
    public void Regex_PropertyOnLoneSurrogate_IsOneCharacter(string pattern, string text, bool expected)
    {
        var regex = RegexCache.TryGet(pattern, TimeSpan.FromSeconds(5), out var error);

        Assert.That(error, Is.Null);
        Assert.That(regex!.IsMatch(Regex.Unescape(text)), Is.EqualTo(expected));
    }

    [TestCase("\\p{Greek}", "unknown Unicode property \"Greek\" (did you mean \"Script=Greek\"?)")]
    [TestCase("\\p{Script=greek}", "unknown Unicode property \"Script=greek\" (did you mean \"Script=Greek\"?)")]
    [TestCase("\\p{Script=Nope}", "unknown Unicode property \"Script=Nope\"")]
    [TestCase("\\p{Alphabetic=Yes}", "unknown Unicode property \"Alphabetic=Yes\" (did you mean \"Alphabetic\"?)")]
    [TestCase("[^\\P{Lettr}]", "unknown Unicode property \"Lettr\" (did you mean \"Letter\"?)")]
    [TestCase("\\p{Scripts=Latin}", "unknown Unicode property \"Scripts=Latin\" (did you mean \"Script=Latin\"?)")]
    [TestCase("\\p{sc=Lu}", "unknown Unicode property \"sc=Lu\"")]
    [TestCase("\\p{gc=Greek}", "unknown Unicode property \"gc=Greek\"")]
    [TestCase("\\p{ascii}", "unknown Unicode property \"ascii\" (did you mean \"ASCII\"?)")]
    [TestCase("\\p{}", "unknown Unicode property \"\"")]
    public void Parse_UnknownUnicodeProperty_IsInvalidRegexNamingIt(string pattern, string reason)
    {
        var loaded = JsonSchema.Parse(new JsonObject { ["pattern"] = pattern }.ToJsonString());

        Assert.That(loaded.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "CT0206" }));
        Assert.That(loaded.Diagnostics.Single().Why, Is.EqualTo(reason));
    }

    [Test]
    public void Parse_LoneScriptName_PinsWholeDiagnostic()
    {
        var loaded = JsonSchema.Parse("""{"patternProperties": {"^\\p{Greek}+$": {}}}""");

        Assert.That(loaded.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "<schema>(1,24): error CT0206: \"patternProperties\" has an invalid regular expression \"^\\p{Greek}+$\", "
            + "unknown Unicode property \"Greek\" (did you mean \"Script=Greek\"?). Fix: write an ECMA-262 regular expression (escape backslashes as \\\\ in JSON)",
        }));
    }

    [Test]
    public void Ranges_AliasesOfOneScript_ShareOneTable()
    {
        var greek = UnicodePropertyData.Ranges("sc", UnicodePropertyData.Canonical("sc", "Greek")!);

        Assert.That(UnicodePropertyData.Ranges("sc", UnicodePropertyData.Canonical("sc", "Grek")!), Is.SameAs(greek));
        Assert.That(UnicodePropertyData.Canonical("sc", "greek"), Is.Null);
        Assert.That(UnicodePropertyData.UnicodeVersion, Does.Match(@"^\d+\.\d+$"));
    }
}
