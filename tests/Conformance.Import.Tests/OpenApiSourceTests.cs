namespace Conformance.Import.Tests;

/// <summary>Documents that cannot be drafted from: a CT0401 naming what and where, nothing written.</summary>
public sealed class OpenApiSourceTests
{
    [Test]
    public async Task RunAsync_BrokenYaml_Ct0401AndNothingWritten()
    {
        using var folder = new ImportFolder();
        var document = Path.Combine(folder.Path, "broken.yaml");
        await File.WriteAllTextAsync(document, "openapi: 3.0.3\ninfo: [unclosed\n");
        var pack = Path.Combine(folder.Path, "broken");

        var (code, _, errors) = await ImportFolder.RunAsync(document, "--name", "broken", "--out", pack);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(errors, Does.Match(@"broken\.yaml\(3,1\): error CT0401: Unable to parse the YAML document at line 3, column 1: .*did not find expected ',' or ']'"));
            Assert.That(Directory.Exists(pack), Is.False);
        });
    }

    [Test]
    public async Task RunAsync_NoOperations_Ct0401SaysSo()
    {
        using var folder = new ImportFolder();
        var document = Path.Combine(folder.Path, "empty.json");
        await File.WriteAllTextAsync(document, """{"openapi":"3.1.0","info":{"title":"Empty","version":"1"},"paths":{}}""");

        var (code, _, errors) = await ImportFolder.RunAsync(document, "--name", "empty", "--out", Path.Combine(folder.Path, "empty"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(errors, Does.Contain("empty.json(1,1): error CT0401: the document has no operation under 'paths', a pack is drafted only from a readable OpenAPI 3.x document with operations. Fix: Give an OpenAPI 3.0 or 3.1 document (JSON or YAML) and correct it where the message points."));
        });
    }
}
