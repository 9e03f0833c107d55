using System.Text;
using static Conformance.Import.Tests.ImportRunTests;
using static Conformance.Import.Tests.ImportSamplesRunTests;

namespace Conformance.Import.Tests;

/// <summary>
/// Drafting one request body has a work budget (50,000 values visited, 64 schemas deep): a body past it is not drafted
/// and gets a CT0403 warning at its schema in the document, and every other operation is drafted as usual; within it, a
/// required member is drafted at any depth (no null below 8 levels).
/// </summary>
public sealed class ImportDraftBudgetRunTests
{
    [Test]
    public async Task Import_BodiesPastTheWorkBudget_Ct0403AtTheirSchemaOtherOperationsDrafted()
    {
        // 8 required properties per level, 6 levels: 8^6 = 262,144 strings, which drafting visited one by one (seconds to
        // minutes where a oneOf or unique items multiply it).
        var yaml = new StringBuilder("""
            openapi: 3.1.0
            info: {title: wide, version: "1"}
            paths:
              /things:
                post:
                  operationId: createThing
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/L6'}
                  responses: {"201": {description: created}}
              /notes:
                post:
                  operationId: createNote
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, required: [text], properties: {text: {type: string}}}
                  responses: {"201": {description: created}}
              /forms:
                post:
                  operationId: createForm
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema: {$ref: '#/components/schemas/L6'}
                  responses: {"201": {description: created}}
            components:
              schemas:
                L0: {type: string}

            """);
        for (var level = 1; level <= 6; level++)
        {
            var names = "abcdefgh".Select(c => c.ToString()).ToList();
            yaml.Append("    L").Append(level).Append(": {type: object, required: [").Append(string.Join(", ", names)).Append("], properties: {")
                .Append(string.Join(", ", names.Select(n => $"{n}: {{$ref: '#/components/schemas/L{level - 1}'}}"))).Append("}}\n");
        }

        using var folder = new ImportFolder();
        var document = Path.Combine(folder.Path, "wide.yaml");
        await File.WriteAllTextAsync(document, yaml.ToString());
        var (code, output, errors) = await ImportFolder.RunAsync(document, "--name", "wide", "--out", Path.Combine(folder.Path, "wide"));

        var pack = Conformance.Contracts.PackLoader.Load(Path.Combine(folder.Path, "wide"), folder.Path).Pack!;
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(Warnings(output), Is.EqualTo(new[]
            {
                "wide.yaml(10,21): warning CT0403: the request body of create_thing was not drafted, drafting it took more than 50000 values (at /b/c/f/d/e/d when it stopped), the work the importer spends on one body (a schema wide and deep, or with many variants to search). Fix: Write that operation's body in api.yaml by hand, a small value its schema accepts (the other operations were drafted as usual).",
                "wide.yaml(26,21): warning CT0403: the request body of create_form was not drafted, drafting it took more than 50000 values (at /b/c/f/d/e/d when it stopped), the work the importer spends on one body (a schema wide and deep, or with many variants to search). Fix: Write that operation's body in api.yaml by hand, a small value its schema accepts (the other operations were drafted as usual).",
            }));
            Assert.That(pack.Operations["create_thing"].Body, Is.Null);
            Assert.That(pack.Operations["create_form"].Body, Is.Null);
            Assert.That(pack.Operations["create_note"].Body!.ToJsonString(), Is.EqualTo("""{"text":"sample"}"""));
        });
    }

    [Test]
    public async Task Import_RequiredChainTwelveDeep_DraftedToTheEndNoNull()
    {
        // A value more than 8 levels below the body was drafted null, which the required object there rejects (with a note).
        var schema = """{"type":"object","required":["id"],"properties":{"id":{"type":"integer"}}}""";
        for (var level = 0; level < 12; level++)
        {
            schema = """{"type":"object","required":["next"],"properties":{"next":""" + schema + "}}";
        }

        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportBodyAsync(folder, "chain", schema);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Pack!.Operations["create_thing"].Body!.ToJsonString(), Is.EqualTo(string.Concat(Enumerable.Repeat("""{"next":""", 12)) + """{"id":1}""" + new string('}', 12)));
            Assert.That(output, Does.Not.Contain("note: the request body").And.Not.Contain("CT0403"));
        });
    }

    [Test]
    public async Task Import_TreeNodeWithOptionalChildren_DraftedWithoutChildren()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportInlineAsync(folder, "tree", Document(
            """{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#/components/schemas/Node"}},"parent":{"$ref":"#/components/schemas/Node"}}}"""));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Pack!.Operations["create_node"].Body!.ToJsonString(), Is.EqualTo("""{"name":"sample"}"""));
            Assert.That(output, Does.Not.Contain("note: the request body").And.Not.Contain("CT0403"));
        });
    }

    [Test]
    public async Task Import_NodeRequiringItself_Ct0403NotANull()
    {
        // No finite value has a required member that holds itself: it was drafted null 9 levels down, with a note.
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportInlineAsync(folder, "loop", Document(
            """{"type":"object","required":["name","parent"],"properties":{"name":{"type":"string"},"parent":{"$ref":"#/components/schemas/Node"}}}"""));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(Warnings(output), Is.EqualTo(new[]
            {
                "loop.json(1,167): warning CT0403: the request body of create_node was not drafted, its schema nests more than 64 schemas deep at " + string.Concat(Enumerable.Repeat("/parent", 64)) + "/name (a required member that holds itself, or a chain that long), deeper than the importer drafts a body. Fix: Write that operation's body in api.yaml by hand, a small value its schema accepts (the other operations were drafted as usual).",
            }));
            Assert.That(loaded.Pack!.Operations["create_node"].Body, Is.Null);
            Assert.That(output, Does.Not.Contain("note: the request body"));
        });
    }

    /// <summary>A document whose createNode (POST /nodes) takes a component schema Node, <paramref name="node"/>.</summary>
    private static string Document(string node) =>
        """{"openapi":"3.1.0","info":{"title":"tree","version":"1"},"paths":{"/nodes":{"post":{"operationId":"createNode","requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Node"}}}},"""
        + "\"responses\":{\"201\":{\"description\":\"created\"}}}}},\"components\":{\"schemas\":{\"Node\":" + node + "}}}";

    /// <summary>The CT0403 lines, from the document's file name on (the path before it is the test's temporary folder).</summary>
    private static string[] Warnings(string output) =>
        [.. output.Split('\n').Where(l => l.Contains(": warning CT0403: ", StringComparison.Ordinal)).Select(l => l[(l.LastIndexOf('/', l.IndexOf('(', StringComparison.Ordinal)) + 1)..])];
}
