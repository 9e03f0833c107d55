using System.Text.Json;

namespace Conformance.Pact.Tests;

public sealed class SchemaMatchersTests
{
    [Test]
    public void From_ErrorSchema_DerivesTypeOneOfRegexAndInteger()
    {
        var matchers = OrdersPact.ErrorMatchers(OrdersPact.NotFoundBody);

        Assert.That(matchers.Select(Describe), Is.EqualTo(new[]
        {
            "Type $.errors",
            "OneOf $.errors[*].errorCode ORDER_NOT_FOUND|ORDER_GONE",
            "Type $.errors[*].message",
            "Regex $.errors[*].traceId ^[0-9a-f]{16}$",
            "IntegerNumber $.errors[*].status",
        }));
    }

    [Test]
    public void From_NullableMembers_TheirMatcherOrNull()
    {
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"name":{"type":["string","null"]},"count":{"type":["integer","null"]},"kind":{"enum":[null,"a","b"]},"id":{"type":"string"}}}""");
        using var example = JsonDocument.Parse("""{"name":"text","count":1,"kind":"a","id":"x"}""");

        var matchers = SchemaMatchers.From(schema.RootElement, example.RootElement);
        var rules = JsonDocument.Parse(MatchingRulesJson.ForBody(matchers)!).RootElement.GetProperty("body");

        Assert.Multiple(() =>
        {
            Assert.That(rules.GetProperty("$.name").GetProperty("combine").GetString(), Is.EqualTo("OR"));
            Assert.That(rules.GetProperty("$.name").GetProperty("matchers").EnumerateArray().Select(m => m.GetProperty("match").GetString()), Is.EqualTo(new[] { "type", "null" }));
            Assert.That(rules.GetProperty("$.count").GetProperty("matchers").EnumerateArray().Select(m => m.GetProperty("match").GetString()), Is.EqualTo(new[] { "integer", "null" }));
            Assert.That(rules.GetProperty("$.kind").GetProperty("combine").GetString(), Is.EqualTo("OR"));
            Assert.That(rules.GetProperty("$.id").GetProperty("combine").GetString(), Is.EqualTo("AND"));
        });
    }

    [Test]
    public void From_MemberNotInSchema_StaysExact()
    {
        var matchers = Derive("""{"type":"object","properties":{"a":{"type":"string"}}}""", """{"a":"x","b":"y"}""");

        Assert.That(matchers.Select(Describe), Is.EqualTo(new[] { "Type $.a" }));
    }

    [Test]
    public void From_MemberNameWithDash_UsesBracketPath()
    {
        var matchers = Derive("""{"properties":{"trace-id":{"type":"string"}}}""", """{"trace-id":"abc"}""");

        Assert.That(matchers.Select(Describe), Is.EqualTo(new[] { "Type $['trace-id']" }));
    }

    [Test]
    public void From_ConstKeyword_OneOfSingleValue()
    {
        var matchers = Derive("""{"properties":{"kind":{"const":"error"}}}""", """{"kind":"error"}""");

        Assert.That(matchers.Select(Describe), Is.EqualTo(new[] { "OneOf $.kind error" }));
    }

    [Test]
    public void From_NumberNotInteger_TypeRule()
    {
        var matchers = Derive("""{"properties":{"total":{"type":"number"},"count":{"type":["integer","null"]}}}""", """{"total":1.5,"count":3}""");

        Assert.That(matchers.Select(Describe), Is.EqualTo(new[] { "Type $.total", "IntegerNumber $.count", "Null $.count" }), "count may also be null");
    }

    [Test]
    public void From_NullExampleOrEmptyArray_NoItemRules()
    {
        var matchers = Derive(
            """{"properties":{"note":{"type":"string"},"tags":{"type":"array","items":{"type":"string"}}}}""",
            """{"note":null,"tags":[]}""");

        Assert.That(matchers.Select(Describe), Is.EqualTo(new[] { "Type $.tags" }));
    }

    [Test]
    public void AlternationOf_MetaCharacters_Escaped()
    {
        Assert.That(BodyMatcher.AlternationOf(["a.b", "c|d", "(e)"]), Is.EqualTo(@"^(?:a\.b|c\|d|\(e\))$"));
    }

    private static IReadOnlyList<BodyMatcher> Derive(string schema, string example)
    {
        using var schemaDocument = JsonDocument.Parse(schema);
        using var exampleDocument = JsonDocument.Parse(example);
        return SchemaMatchers.From(schemaDocument.RootElement, exampleDocument.RootElement);
    }

    private static string Describe(BodyMatcher matcher) => matcher.Kind switch
    {
        MatcherKind.Regex => $"Regex {matcher.Path} {matcher.Pattern}",
        MatcherKind.OneOf => $"OneOf {matcher.Path} {string.Join('|', matcher.Values!)}",
        _ => $"{matcher.Kind} {matcher.Path}",
    };
}
