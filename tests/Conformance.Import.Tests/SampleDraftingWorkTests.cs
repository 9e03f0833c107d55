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
