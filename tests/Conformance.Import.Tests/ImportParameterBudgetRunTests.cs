using System.Text;

namespace Conformance.Import.Tests;

/// <summary>
/// A path, query or header parameter has the same work budget as a request body (50,000 values visited, 64 schemas
/// deep): past it the parameter is not drafted and gets a CT0403 warning at the parameter in the document (it used to be
/// drafted from what the search had when it stopped, silently).
/// </summary>
public sealed class ImportParameterBudgetRunTests
{
    [Test]
    public async Task Import_ParametersPastTheWorkBudget_Ct0403AtEachParameterOthersDrafted()
    {
        var yaml = new StringBuilder("""
            openapi: 3.1.0
            info: {title: params, version: "1"}
            paths:
              /things/{key}:
                parameters:
                  - {name: key, in: path, required: true, schema: {$ref: '#/components/schemas/L6'}}
                get:
                  operationId: getThing
                  parameters:
                    - {name: filter, in: query, required: true, schema: {$ref: '#/components/schemas/L6'}}
                    - $ref: '#/components/parameters/Trace'
                    - {name: page, in: query, required: true, schema: {type: integer}}
                  responses: {"200": {description: ok}}
            components:
              parameters:
                Trace: {name: X-Trace, in: header, required: true, schema: {$ref: '#/components/schemas/L6'}}
              schemas:

            """).Append(WideSchemas("    ", "#/components/schemas/"));

        using var folder = new ImportFolder();
        var document = Path.Combine(folder.Path, "params.yaml");
        await File.WriteAllTextAsync(document, yaml.ToString());
        var (code, output, errors) = await ImportFolder.RunAsync(document, "--name", "params", "--out", Path.Combine(folder.Path, "params"));

        var operation = Conformance.Contracts.PackLoader.Load(Path.Combine(folder.Path, "params"), folder.Path).Pack!.Operations["get_thing"];
        const string Why = "drafting it took more than 50000 values (at /b/c/f/d/e/d when it stopped), the work the importer spends on one parameter (a schema wide and deep, or with many variants to search)";
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(Warnings(output), Is.EqualTo(new[]
            {
                $"params.yaml(6,9): warning CT0403: the path parameter 'key' of get_thing was not drafted, {Why}. Fix: Write that parameter's value in api.yaml by hand, a small value its schema accepts (its value in the path of get_thing is \"1\" until then; the other parameters and operations were drafted as usual).",
                $"params.yaml(10,11): warning CT0403: the query parameter 'filter' of get_thing was not drafted, {Why}. Fix: Write that parameter's value in api.yaml by hand, a small value its schema accepts (it was left out of query: of get_thing; the other parameters and operations were drafted as usual).",
                $"params.yaml(16,12): warning CT0403: the header parameter 'X-Trace' of get_thing was not drafted, {Why}. Fix: Write that parameter's value in api.yaml by hand, a small value its schema accepts (it was left out of headers: of get_thing; the other parameters and operations were drafted as usual).",
            }));
            Assert.That(operation.Params.Keys, Is.EqualTo(new[] { "key" }));
            Assert.That(operation.Query, Is.EqualTo(new[] { KeyValuePair.Create("page", "1") }));
            Assert.That(operation.Headers, Is.Empty);
            Assert.That(output, Does.Not.Contain("does not declare"));
        });
    }

    /// <summary>
    /// Schemas L0 (a string) to L6, each an object of 8 required properties a to h of the level below (8^6 = 262,144
    /// strings), one per line with <paramref name="indent"/>, referring to each other under <paramref name="prefix"/>.
    /// </summary>
    internal static string WideSchemas(string indent, string prefix)
    {
        var text = new StringBuilder(indent).Append("L0: {type: string}\n");
        var names = "abcdefgh".Select(c => c.ToString()).ToList();
        for (var level = 1; level <= 6; level++)
        {
            text.Append(indent).Append('L').Append(level).Append(": {type: object, required: [").Append(string.Join(", ", names)).Append("], properties: {")
                .Append(string.Join(", ", names.Select(n => $"{n}: {{$ref: '{prefix}L{level - 1}'}}"))).Append("}}\n");
        }

        return text.ToString();
    }

    /// <summary>The CT0403 lines, from the document's file name on (the path before it is the test's temporary folder).</summary>
    internal static string[] Warnings(string output) =>
        [.. output.Split('\n').Where(l => l.Contains(": warning CT0403: ", StringComparison.Ordinal)).Select(l => l[(l.LastIndexOf('/', l.IndexOf('(', StringComparison.Ordinal)) + 1)..])];
}
