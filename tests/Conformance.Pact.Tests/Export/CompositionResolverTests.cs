using System.Text.Json.Nodes;
using Conformance.Pact.Export;

namespace Conformance.Pact.Tests.Export;

public sealed class CompositionResolverTests
{
    private const string CallRailError = """
        {"type":"object","anyOf":[{"required":["error"]},{"required":["errors"]}],
         "properties":{"error":{"type":"string","minLength":1},"errors":{"anyOf":[{"type":"array"},{"type":"object"}]}}}
        """;

    private static (string Example, List<string> Notes) Resolve(string schema)
    {
        var notes = new List<string>();
        var resolved = CompositionResolver.Resolve(JsonNode.Parse(schema)!, notes);
        return (SchemaExample.Create(resolved)?.ToJsonString() ?? "null", notes);
    }

    [Test]
    public void Resolve_AnyOfOfRequiredKeys_FirstBranchAndANote()
    {
        var (example, notes) = Resolve(CallRailError);

        Assert.Multiple(() =>
        {
            Assert.That(example, Is.EqualTo("""{"error":"text"}"""));
            Assert.That(notes, Is.EqualTo(new[] { "$: anyOf branch 1 of 2 gives the body's shape; the contract accepts the other branches too, the pact does not" }));
        });
    }

    [Test]
    public void Resolve_FirstBranchConflictsWithParent_SecondBranch()
    {
        var (example, notes) = Resolve("""
            {"type":"object","required":["code"],"properties":{"code":{"type":"string"}},
             "anyOf":[{"properties":{"code":{"type":"integer"}}},{"properties":{"code":{"minLength":6}}}]}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(example, Is.EqualTo("""{"code":"textxx"}"""));
            Assert.That(notes.Single(), Does.StartWith("$: anyOf branch 2 of 2 gives"));
        });
    }

    [Test]
    public void Resolve_OneOfWhoseExamplesMeetBothBranches_ThrowsWithEachBranchsReason() =>
        Assert.That(
            () => Resolve("""{"oneOf":[{"type":"string"},{"type":"string","maxLength":9}]}"""),
            Throws.TypeOf<NotSupportedException>().With.Message.StartsWith("$: no oneOf branch gives an example the schema accepts (branch 1: its example \"text\" is refused (")
                .And.Message.Contains("; branch 2: its example \"text\" is refused ("));

    [Test]
    public void Resolve_NestedRequiredMember_ResolvedAtItsPath()
    {
        var (example, notes) = Resolve("""
            {"type":"object","required":["e"],"properties":{"e":{"oneOf":[{"type":"integer","minimum":3},{"type":"string"}]}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(example, Is.EqualTo("""{"e":3}"""));
            Assert.That(notes.Single(), Does.StartWith("$.e: oneOf branch 1 of 2 gives"));
        });
    }

    [Test]
    public void Resolve_AllOf_MembersMergedWithoutNote()
    {
        var (example, notes) = Resolve("""
            {"allOf":[{"type":"object","required":["a"],"properties":{"a":{"type":"string"}}},
                      {"required":["b"],"properties":{"b":{"type":"number","minimum":2},"a":{"minLength":5}}},
                      {"properties":{"b":{"type":"integer","minimum":3}}}]}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(example, Is.EqualTo("""{"a":"textx","b":3}"""));
            Assert.That(notes, Is.Empty);
        });
    }

    [Test]
    public void Resolve_AllOfWithDisjointTypes_ThrowsSayingWhere() =>
        Assert.That(
            () => Resolve("""{"allOf":[{"type":"string"},{"type":"integer"}]}"""),
            Throws.TypeOf<NotSupportedException>().With.Message.EqualTo("$: the types string and integer have nothing in common"));

    [Test]
    public void Resolve_NotMetByTheExample_Dropped() =>
        Assert.That(Resolve("""{"type":"string","not":{"type":"integer"}}""").Example, Is.EqualTo("\"text\""));

    [Test]
    public void Resolve_NotRefusingTheExample_ThrowsSayingWhy() =>
        Assert.That(
            () => Resolve("""{"type":"object","required":["s"],"properties":{"s":{"type":"string","not":{"const":"text"}}}}"""),
            Throws.TypeOf<NotSupportedException>().With.Message.StartsWith("$.s: with not resolved, its example \"text\" is refused ("));

    [Test]
    public void Resolve_OptionalMemberWithComposition_LeftAsWritten()
    {
        var notes = new List<string>();

        var resolved = CompositionResolver.Resolve(JsonNode.Parse(CallRailError)!, notes);

        Assert.That(resolved["properties"]!["errors"]!["anyOf"], Is.Not.Null);
    }
}
