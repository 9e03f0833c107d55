using static Conformance.Import.Tests.ImportRunTests;

namespace Conformance.Import.Tests;

/// <summary>
/// What random documents (a fuzzer of valid OpenAPI 3.0 and 3.1) found the importer drafting wrong: each test is one
/// minimised document.
/// </summary>
public sealed class ImportFuzzFindingsRunTests
{
    [Test]
    public async Task Import_NoStatusAScenarioProvokes_NoEmptyTableAndANote()
    {
        // Fuzzer: an operation documenting only 403 drafted tables/status.yaml with no rows, which the loader rejects (CT0114).
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportInlineAsync(folder, "rowless", """
            {"openapi":"3.1.0","info":{"title":"rowless","version":"1"},"paths":{"/things":{"get":{"operationId":"getThings","responses":{"403":{"description":"forbidden"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Invalid, Is.Empty);
            Assert.That(File.Exists(Path.Combine(folder.Path, "rowless", "tables", "status.yaml")), Is.False);
            Assert.That(output, Does.Contain("Drafted pack 'rowless' in " + Path.Combine(folder.Path, "rowless") + ": 1 operation(s), 0 row(s), 0 schema file(s), 1 file(s) written.\n"));
            Assert.That(output, Does.Contain("note: no documented status of any operation is one a built-in scenario provokes, so no status table was written (a table needs a row): add tables/status.yaml with custom rows (docs/pack-format.md)\n"));
        });
    }
}
