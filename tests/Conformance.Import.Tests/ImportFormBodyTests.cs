using Conformance.Contracts;
using Conformance.Probing;
using static Conformance.Import.Tests.ImportRunTests;

namespace Conformance.Import.Tests;

/// <summary>
/// Form request bodies (application/x-www-form-urlencoded) the document gives without a schema, with an example written
/// as form text, or with an <c>encoding</c> object: drafted with <c>bodyType: form</c> as the document sends them.
/// </summary>
public sealed class ImportFormBodyTests
{
    [Test]
    public async Task Import_FormBodyWithoutSchema_EmptyFormAndANoteSayingWhatToWrite()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportFormAsync(folder, "bare", "{}");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
            Assert.That(apiYaml, Does.Contain("    body: {}\n    bodyType: form  # sent as application/x-www-form-urlencoded\n"));
            Assert.That(output, Does.Not.Contain("cannot send"), "it said a form cannot be sent, and that a form is sent with bodyType: form");
            Assert.That(output, Does.Contain(
                "note: the form body of post_form names no field (neither an object schema nor an example of its name=value pairs): drafted with bodyType: form and an empty body; "
                + "write the fields the API expects into its body (name: value), or its valid row sends an empty form\n"));
            Assert.That(loaded.Rows.Select(r => r.ScenarioId), Is.EqualTo(new[] { "valid", "wrong_content_type" }));
        });
    }

    [Test]
    public async Task Import_FormExampleWrittenAsFormText_DecodedIntoItsFields()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportFormAsync(folder, "text", """
            {"schema":{"type":"object"},"example":"grant_type=client_credentials&scope=read%20write&aud=api&aud=admin+ui"}
            """);

        var op = loaded.Pack!.Operations["post_form"];
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
            Assert.That(op.Body!.ToJsonString(), Is.EqualTo("""{"grant_type":"client_credentials","scope":"read write","aud":["api","admin ui"]}"""));
            Assert.That(Baseline.Build(loaded.Pack, op, null).Body, Is.EqualTo("grant_type=client_credentials&scope=read%20write&aud=api&aud=admin%20ui"));
            Assert.That(output, Does.Not.Contain("note: the"));
        });
    }

    [Test]
    public async Task Import_FormFieldEncodedAsJson_DraftedAsItsJsonText()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportFormAsync(folder, "enc", """
            {"schema":{"type":"object","required":["address","name"],"properties":{"name":{"type":"string"},
               "address":{"type":"object","required":["city"],"properties":{"city":{"type":"string"}}}}},
             "encoding":{"address":{"contentType":"application/json"}}}
            """);

        var op = loaded.Pack!.Operations["post_form"];
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
            Assert.That(apiYaml, Does.Contain("""    body: {"address":"{\"city\":\"sample\"}","name":"sample"}""" + "\n"), "address was left out");
            Assert.That(Baseline.Build(loaded.Pack, op, null).Body, Is.EqualTo("address=%7B%22city%22%3A%22sample%22%7D&name=sample"));
            Assert.That(output, Does.Not.Contain("note: the form body"));
            Assert.That(loaded.Rows.Single(r => r.ScenarioId == "missing_field").With["field"]!.GetValue<string>(), Is.EqualTo("/address"));
        });
    }

    [Test]
    public async Task Import_FormFieldEncodingStyles_DeepObjectSpreadAndUnexplodedListsJoined()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportFormAsync(folder, "styles", """
            {"schema":{"type":"object","required":["filter","ids","tags","words","kinds"],"properties":{
               "filter":{"type":"object","required":["city","zip"],"properties":{"city":{"type":"string"},"zip":{"type":"integer"}}},
               "ids":{"type":"array","minItems":2,"items":{"type":"integer"}},
               "tags":{"type":"array","example":["a","b"]},
               "words":{"type":"array","example":["x","y"]},
               "kinds":{"type":"array","example":["k","l"]}}},
             "encoding":{"filter":{"style":"deepObject","explode":true},"ids":{"style":"form","explode":false},
               "tags":{"style":"pipeDelimited"},"words":{"style":"spaceDelimited","explode":false},"kinds":{"style":"form"}}}
            """);

        var op = loaded.Pack!.Operations["post_form"];
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
            Assert.That(Baseline.Build(loaded.Pack, op, null).Body,
                Is.EqualTo("filter%5Bcity%5D=sample&filter%5Bzip%5D=1&ids=1%2C1&tags=a%7Cb&words=x%20y&kinds=k&kinds=l"), "filter was left out, the lists repeated their names");
            Assert.That(output, Does.Not.Contain("note: the form body"));
        });
    }

    /// <summary>
    /// Imports postForm (POST /form, 200, 400 or 415) whose request body is only application/x-www-form-urlencoded,
    /// with the media type object <paramref name="media"/>.
    /// </summary>
    internal static Task<(int Code, string Output, string Errors, string ApiYaml, LoadedPack Loaded)> ImportFormAsync(ImportFolder folder, string name, string media) =>
        ImportInlineAsync(folder, name, "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"" + name + "\",\"version\":\"1\"},\"paths\":{\"/form\":{\"post\":{\"operationId\":\"postForm\","
            + "\"requestBody\":{\"content\":{\"application/x-www-form-urlencoded\":" + media + "}},"
            + "\"responses\":{\"200\":{\"description\":\"ok\"},\"400\":{\"description\":\"bad form\"},\"415\":{\"description\":\"not a form\"}}}}}}");
}
