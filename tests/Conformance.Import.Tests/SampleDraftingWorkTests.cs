using System.Text;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Conformance.Import.Tests;

/// <summary>
/// How much work drafting one request body takes (<see cref="SampleContext.Visited"/>, the values drafted, those thrown
/// away included): each value is drafted once for each time it is needed, not again.
/// </summary>
public sealed class SampleDraftingWorkTests
{
    [Test]
    public void Body_ObjectVariantWhoseFirstPropertyCannotVary_FirstPropertyDraftedOncePerComparison()
    {
        // A oneOf both of whose branches take the sample searches the first branch's 8 variants, then the second branch. A
        // variant of an object drafted its first property's variant and its plain value, found them equal (a const cannot
        // vary), then drafted the plain value a third time to keep it: 'fixed' cost 2 + 2 + 2 values and its 'a' 3 more
        // (94 in all). Now the plain value compared is the one kept: per variant the branch 1, 'fixed' 1 + 2 ('a' varied
        // and plain) + 2 (plain), 'name' 2 (varied, plain: they differ) = 8; 5 for the sample, 8 x 8, 1 for the second branch.
        const string schema = """
            {"oneOf":[
              {"type":"object","required":["fixed","name"],"properties":{
                "fixed":{"type":"object","required":["a"],"properties":{"a":{"const":"x"}}},
                "name":{"type":"string"}}},
              {"type":"object"}]}
            """;
        var (media, context) = Draft(schema);

        var body = Samples.Body(media, context);

        Assert.Multiple(() =>
        {
            Assert.That(body?.ToJsonString(), Is.EqualTo("{}"), "no variant of the first branch meets exactly one branch: the second one's sample");
            Assert.That(context.Visited, Is.EqualTo(70));
        });
    }

    [Test]
    public void Body_UniqueItemsOfABacktrackingPattern_EachMatchCountedByItsCharacters()
    {
        // Each match reads its text's length and one: 31 characters here. Item 0: the padded "sample" (a near miss), the
        // pattern sampler's text inside it and once more where it is taken (3); items 1 and 2: their first text again (3
        // each), then variants of its last character until a new one, a to z missing the final digit: 26 and "1", then 26,
        // "1" and "2". 64 matches, 1,984 characters (the first text was matched twice: 67, 2,077).
        const string schema = """{"type":"array","minItems":3,"uniqueItems":true,"items":{"type":"string","pattern":"^([a-z]+)+[0-9]$","minLength":30}}""";
        var (media, context) = Draft(schema);

        var body = Samples.Body(media, context);

        Assert.Multiple(() =>
        {
            var letters = new string('a', 29);
            Assert.That(body?.ToJsonString(), Is.EqualTo($"[\"{letters}0\",\"{letters}1\",\"{letters}2\"]"));
            Assert.That(context.Matched, Is.EqualTo(1984));
            Assert.That(context.Stopped, Is.Null);
        });
    }

    /// <summary>The JSON request body of POST /things whose schema is <paramref name="schema"/>, and a context to draft it in.</summary>
    internal static (IOpenApiMediaType Media, SampleContext Context) Draft(string schema)
    {
        var text = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{\"/things\":{\"post\":{\"operationId\":\"createThing\","
            + "\"requestBody\":{\"content\":{\"application/json\":{\"schema\":" + schema + "}}},\"responses\":{\"201\":{\"description\":\"created\"}}}}}}";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var document = OpenApiDocument.Load(stream, "json", new OpenApiReaderSettings()).Document!;
        var media = document.Paths["/things"].Operations![HttpMethod.Post].RequestBody!.Content!["application/json"];
        return (media, new SampleContext(new SchemaJudge(document)));
    }
}
