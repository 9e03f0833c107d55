using System.Text;

namespace Conformance.Import.Tests;

/// <summary>
/// Documents nested deeper than Microsoft.OpenApi reads (found by hand on 2026-12-02): the reader's words were the error
/// (<c>Please provide the correct format, The maximum configured depth of 64 has been exceeded</c>; from YAML <c>The YAML
/// document exceeds the maximum supported nesting depth of 64</c> at <c>(1,1)</c>, with "the OpenAPI reader gave no place
/// for it"), and the fix told to correct a valid document. Its JSON reader reads 64 levels, its YAML reader 63.
/// </summary>
public sealed class ImportDepthRunTests
{
    private const string Why = "the OpenAPI reader the importer uses (Microsoft.OpenApi) reads no deeper (its JSON reader 64 levels, its YAML reader 63), so a pack is not drafted from it. "
        + "Fix: Move nested inline schemas to components/schemas and refer to them with $ref: each component starts the count again (components, schemas, its name).";

    [TestCase("json", 28)] // 64 levels
    [TestCase("yaml", 27)] // 62 levels
    public async Task Import_NestedAsDeepAsTheReaderReads_Drafted(string format, int properties)
    {
        using var folder = new ImportFolder();
        var (code, output, errors) = await folder.ImportAsync("deep." + format, Encoding.UTF8.GetBytes(Document(properties, format == "yaml")));

        Assert.That(code, Is.Zero, output + errors);
    }

    [TestCase("json", 29, "(1,697)", 64)] // the 29th {"a":
    [TestCase("yaml", 28, "(68,127)", 63)] // the innermost {type: string}
    [TestCase("yaml", 100_000, "(68,127)", 63)] // its 29th properties:
    public async Task Import_NestedDeeperThanTheReaderReads_OneErrorAtTheFirstLevelTooDeep(string format, int properties, string place, int levels)
    {
        using var folder = new ImportFolder();
        var (code, output, errors) = await folder.ImportAsync("deep." + format, Encoding.UTF8.GetBytes(Document(properties, format == "yaml")));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), output);
            Assert.That(errors, Is.EqualTo($"deep.{format}{place}: error CT0401: the document nests mappings and lists more than {levels} levels deep, here, {Why}\nNothing was written.\n"));
        });
    }

    /// <summary>An operation whose request body schema is <paramref name="properties"/> objects deep: 8 + 2 levels each.</summary>
    private static string Document(int properties, bool block)
    {
        var text = new StringBuilder();
        if (!block)
        {
            text.Append("""{"openapi":"3.0.3","info":{"title":"T","version":"1"},"paths":{"/t":{"post":{"operationId":"p","requestBody":{"content":{"application/json":{"schema":""");
            text.Insert(text.Length, """{"properties":{"a":""", properties).Append("""{"type":"string"}""").Append('}', 2 * properties);
            return text.Append("""}}},"responses":{"201":{"description":"ok"},"400":{"description":"bad"}}}}}}""").ToString();
        }

        text.Append("openapi: 3.0.3\ninfo: { title: T, version: \"1\" }\npaths:\n  /t:\n    post:\n      operationId: p\n")
            .Append("      responses: { \"201\": { description: ok }, \"400\": { description: bad } }\n")
            .Append("      requestBody:\n        content:\n          application/json:\n            schema:\n");
        var depth = Math.Min(properties, 60); // block style to 60, flow style inside
        for (var i = 0; i < depth; i++)
        {
            text.Append(' ', 14 + (4 * i)).Append("properties:\n").Append(' ', 16 + (4 * i)).Append("a:\n");
        }

        text.Append(' ', 14 + (4 * depth)).Insert(text.Length, "{properties: {a: ", properties - depth).Append("{type: string}").Append('}', 2 * (properties - depth));
        return text.Append('\n').ToString();
    }
}
