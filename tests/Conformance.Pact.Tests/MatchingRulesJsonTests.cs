namespace Conformance.Pact.Tests;

public sealed class MatchingRulesJsonTests
{
    [Test]
    public void ForBody_NoMatchers_Null()
    {
        Assert.That(MatchingRulesJson.ForBody([]), Is.Null);
    }

    [Test]
    public void ForBody_SamePathTwice_OneEntryWithBothRules()
    {
        var json = MatchingRulesJson.ForBody([BodyMatcher.Type("$.a"), BodyMatcher.Regex("$.a", "^x+$"), BodyMatcher.DecimalNumber("$.b")]);

        Assert.That(json, Is.EqualTo(
            """{"body":{"$.a":{"combine":"AND","matchers":[{"match":"type"},{"match":"regex","regex":"^x+$"}]},"$.b":{"combine":"AND","matchers":[{"match":"decimal"}]}}}"""));
    }

    [Test]
    public void ForBody_OneOf_AnchoredRegexAlternation()
    {
        var json = MatchingRulesJson.ForBody([BodyMatcher.OneOf("$.code", ["A", "B"]), BodyMatcher.IntegerNumber("$.n")]);

        Assert.That(json, Is.EqualTo(
            """{"body":{"$.code":{"combine":"AND","matchers":[{"match":"regex","regex":"^(?:A|B)$"}]},"$.n":{"combine":"AND","matchers":[{"match":"integer"}]}}}"""));
    }

    [Test]
    public void ForBody_RegexWithoutPattern_Throws()
    {
        var matcher = new BodyMatcher("$.a", MatcherKind.Regex, null, null);

        Assert.That(
            () => MatchingRulesJson.ForBody([matcher]),
            Throws.ArgumentException.With.Message.EqualTo("Matcher at '$.a' is a regex without a pattern. (Parameter 'matcher')"));
    }
}
