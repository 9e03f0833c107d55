namespace Conformance.Import.Tests;

/// <summary>
/// A CT0401 for what the OpenAPI reader cannot read in a parameter or a response schema is at that node in the document,
/// Swagger 2.0 and OpenAPI 3.0 alike, YAML and JSON (it was at the file's start, 1,1, with only the reader's pointer in
/// the text; the reader's pointer leaves out a parameter's index, so the parameter is the one the rest of it leads into).
/// </summary>
public sealed class ImportReaderErrorPositionRunTests
{
    private const string Why = ", a pack is drafted only from a readable OpenAPI 3.x document with operations. Fix: Give an OpenAPI 3.0 or 3.1 document (JSON or YAML) and correct it where the message points.";

    [TestCase("parameter.swagger.yaml", 9, 68, "#/paths/~1things/get/parameters/enum")]
    [TestCase("parameter.swagger.json", 23, 15, "#/paths/~1things/get/parameters/enum")]
    [TestCase("parameter.openapi.yaml", 9, 77, "#/paths/~1things/get/parameters/schema/enum")]
    [TestCase("parameter.openapi.json", 26, 16, "#/paths/~1things/get/parameters/schema/enum")]
    public async Task Import_EnumOfAParameterNotAList_Ct0401AtThatValue(string file, int line, int column, string pointer)
    {
        var errors = await ImportAsync(file);

        Assert.That(errors, Is.EqualTo(new[] { $"{file}({line},{column}): error CT0401: Cannot create a list from this type of node at {pointer}{Why}" }));
    }

    [TestCase("response.swagger.yaml", 9, 67, "#/paths/~1things/get/responses/404/schema/required")]
    [TestCase("response.swagger.json", 22, 20, "#/paths/~1things/get/responses/404/schema/required")]
    [TestCase("response.openapi.yaml", 9, 96, "#/paths/~1things/get/responses/404/content/application~1json/schema/required")]
    [TestCase("response.openapi.json", 28, 22, "#/paths/~1things/get/responses/404/content/application~1json/schema/required")]
    public async Task Import_RequiredOfAResponseSchemaNotAList_Ct0401AtThatValue(string file, int line, int column, string pointer)
    {
        var errors = await ImportAsync(file);

        Assert.That(errors, Is.EqualTo(new[] { $"{file}({line},{column}): error CT0401: Expected list while parsing String at {pointer}{Why}" }));
    }

    /// <summary>Imports the fixture <c>positions/<paramref name="file"/></c>: its CT0401 lines from the file name on (exit code 2 and nothing written asserted).</summary>
    private static async Task<string[]> ImportAsync(string file)
    {
        using var folder = new ImportFolder();
        var document = Path.Combine(folder.Path, file);
        File.Copy(ImportFolder.Fixture(Path.Combine("positions", file)), document);
        var (code, output, errors) = await ImportFolder.RunAsync(document, "--name", "positions", "--out", Path.Combine(folder.Path, "positions"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), output + errors);
            Assert.That(Directory.Exists(Path.Combine(folder.Path, "positions")), Is.False);
        });
        return [.. errors.Split('\n').Where(l => l.Contains(": error CT0401: ", StringComparison.Ordinal)).Select(l => l[(l.LastIndexOf('/', l.IndexOf('(', StringComparison.Ordinal)) + 1)..].TrimEnd('\r'))];
    }
}
