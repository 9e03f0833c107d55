using static Conformance.Import.Tests.ImportRunTests;

namespace Conformance.Import.Tests;

/// <summary>
/// Swagger 2.0 <c>formData</c> parameters the reader mistook: one given by <c>$ref</c> to <c>#/parameters/...</c> was
/// read as the operation's whole body (<c>body: 3</c>, the referenced field's sample, the other fields lost), and a
/// <c>type: file</c> one carrying a keyword the reader refuses there (<c>minItems</c>, <c>multipleOf</c>...) made the
/// whole document CT0401.
/// </summary>
public sealed class ImportSwaggerFormDataRunTests
{
    [Test]
    public async Task Import_SwaggerFormDataParametersByRef_DraftedAsFieldsOfTheForm()
    {
        using var folder = new ImportFolder();

        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "shared", """
            {"swagger":"2.0","info":{"title":"t","version":"1"},
             "parameters":{
               "F":{"name":"f","in":"formData","required":true,"type":"array","items":{"type":"string","enum":["p","q"]},"minItems":2,"uniqueItems":true,"collectionFormat":"ssv"},
               "G":{"name":"g","in":"formData","required":true,"type":"integer","minimum":3}},
             "paths":{"/things":{
               "parameters":[{"$ref":"#/parameters/G"}],
               "post":{"operationId":"postThings","consumes":["application/x-www-form-urlencoded"],
                 "parameters":[{"$ref":"#/parameters/F"},{"name":"h","in":"formData","required":true,"type":"string","enum":["x"]}],
                 "responses":{"200":{"description":"ok"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain("    body: {\"f\":\"p q\",\"h\":\"x\",\"g\":3}\n    bodyType: form"));
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
            Assert.That(output, Does.Not.Contain("note:"));
        });
    }

    [Test]
    public async Task Import_SwaggerFormDataParameterByRefOnly_DraftedAsTheFormsOneField()
    {
        using var folder = new ImportFolder();

        var (code, output, errors, apiYaml, _) = await ImportInlineAsync(folder, "only", """
            {"swagger":"2.0","info":{"title":"t","version":"1"},
             "parameters":{"G":{"name":"g","in":"formData","required":true,"type":"integer","minimum":3}},
             "paths":{"/things":{"post":{"operationId":"postThings","consumes":["application/x-www-form-urlencoded"],
               "parameters":[{"$ref":"#/parameters/G"}],"responses":{"200":{"description":"ok"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain("    body: {\"g\":3}\n    bodyType: form"));
        });
    }

    [Test]
    public async Task Import_SwaggerInlineFormDataParametersOfAPathItem_FieldsOfEachOperationsFormItsOwnOfANameWinning()
    {
        // Review: a path item's formData parameters written inline (not by $ref) go into the form of each operation under
        // it, as operation-level ones do; an operation's own field of the same name is kept instead (put: k=own).
        using var folder = new ImportFolder();

        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "items", """
            {"swagger":"2.0","info":{"title":"t","version":"1"},
             "paths":{"/things":{
               "parameters":[{"name":"g","in":"formData","required":true,"type":"integer","minimum":3},
                             {"name":"k","in":"formData","required":true,"type":"string","enum":["shared"]}],
               "post":{"operationId":"postThings","consumes":["application/x-www-form-urlencoded"],
                 "parameters":[{"name":"h","in":"formData","required":true,"type":"string","enum":["x"]}],
                 "responses":{"200":{"description":"ok"}}},
               "put":{"operationId":"putThings","consumes":["application/x-www-form-urlencoded"],
                 "parameters":[{"name":"k","in":"formData","required":true,"type":"string","enum":["own"]}],
                 "responses":{"200":{"description":"ok"}}},
               "patch":{"operationId":"patchThings","consumes":["application/x-www-form-urlencoded"],"responses":{"200":{"description":"ok"}}}}}}
            """);

        var operations = loaded.Pack!.Operations;
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain("  post_things:\n    method: POST\n    path: \"/things\"\n    body: {\"h\":\"x\",\"g\":3,\"k\":\"shared\"}\n    bodyType: form"));
            Assert.That(apiYaml, Does.Contain("  put_things:\n    method: PUT\n    path: \"/things\"\n    body: {\"k\":\"own\",\"g\":3}\n    bodyType: form"));
            Assert.That(apiYaml, Does.Contain("  patch_things:\n    method: PATCH\n    path: \"/things\"\n    body: {\"g\":3,\"k\":\"shared\"}\n    bodyType: form"));
            Assert.That(operations.Keys, Is.EquivalentTo(new[] { "post_things", "put_things", "patch_things" }));
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
            Assert.That(output, Does.Not.Contain("note:"));
        });
    }

    [TestCase("minItems: 1", "minItems")]
    [TestCase("maxItems: 1, uniqueItems: true", "maxItems, uniqueItems")]
    [TestCase("multipleOf: 2", "multipleOf")]
    [TestCase("minimum: 1, exclusiveMinimum: true", "exclusiveMinimum")]
    public async Task Import_SwaggerFileParameterWithAKeywordTheReaderRefuses_ImportedWithANote(string keywords, string named)
    {
        using var folder = new ImportFolder();
        var document = Path.Combine(folder.Path, "upload.yaml");
        await File.WriteAllTextAsync(document, $$"""
            swagger: "2.0"
            info: {title: t, version: "1"}
            paths:
              /things:
                post:
                  operationId: postThings
                  consumes: [multipart/form-data]
                  parameters:
                    - {name: up, in: formData, required: true, type: file, {{keywords}}}
                  responses:
                    "200": {description: ok}
            """);

        var (code, output, errors) = await ImportFolder.RunAsync(document, "--name", "upload", "--out", Path.Combine(folder.Path, "upload"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(errors, Does.Not.Contain("CT0401"));
            Assert.That(output.Split('\n').Where(l => l.StartsWith("note: ", StringComparison.Ordinal)), Is.EqualTo(new[]
            {
                $"note: the parameter 'up' at #/paths/~1things/post/parameters/0 is a file (type: file) with {named}, which the reader does not take on a file: left out (a file's content is not drafted)",
                "note: the request body of post_things is documented only as multipart/form-data, which an operation of a pack cannot send (its body goes out as JSON, or as a form with bodyType: form): the drafted rows of post_things send no body. "
                    + "Replace its valid row by a custom row whose body is the multipart text (each part with its Content-Disposition header, \\r\\n line ends, the closing boundary) and whose contentType is \"multipart/form-data; boundary=<that boundary>\", expecting 200",
            }));
        });
    }
}
