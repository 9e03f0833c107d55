using System.Text;

namespace Conformance.Import.Tests;

/// <summary>
/// A document's bytes (found by hand on 2026-12-02): a Latin-1 <c>Café</c> was drafted as <c>Caf\uFFFD</c> without a word,
/// and a UTF-16 JSON document was refused as <c>'0xFF' is an invalid start of a value</c>.
/// </summary>
public sealed class ImportEncodingRunTests
{
    private const string Yaml = "openapi: 3.0.3\ninfo: {title: Café, version: '1'}\npaths:\n  /t:\n    get:\n      responses: {'200': {description: ok}}\n";
    private const string Json = """{"openapi":"3.0.3","info":{"title":"Café","version":"1"},"paths":{"/t":{"get":{"responses":{"200":{"description":"ok"}}}}}}""";

    [Test]
    public async Task Import_Latin1Yaml_ErrorAtTheFirstByteThatIsNoUtf8()
    {
        using var folder = new ImportFolder();
        var (code, _, errors) = await folder.ImportAsync("latin.yaml", Encoding.Latin1.GetBytes(Yaml));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(errors, Is.EqualTo("latin.yaml(2,18): error CT0401: the document is not UTF-8: byte 0xE9 here starts no UTF-8 character (a Latin-1 or Windows-1252 'é' is one such byte), "
                + "a pack is drafted only from a document read as written. Fix: Save the document as UTF-8; the reader would read the character as U+FFFD, and a name, an enum value or an example holding it would be drafted wrong.\nNothing was written.\n"));
        });
    }

    [Test]
    public async Task Import_Utf16Json_ErrorNamingTheEncoding()
    {
        using var folder = new ImportFolder();
        var (code, _, errors) = await folder.ImportAsync("wide.json", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Json)]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(errors, Is.EqualTo("wide.json(1,1): error CT0401: the document is UTF-16 (its byte order mark), and a JSON document is UTF-8 (RFC 8259 8.1), a pack is drafted only from a document read as written. Fix: Save it as UTF-8.\nNothing was written.\n"));
        });
    }

    [TestCase("utf8.json", "utf-8")]
    [TestCase("utf8bom.json", "utf-8 bom")]
    [TestCase("utf8.yaml", "utf-8")]
    [TestCase("wide.yaml", "utf-16")]
    [TestCase("wider.yaml", "utf-32")]
    public async Task Import_UnicodeTheFormatAllows_DraftedWithTheTitleAsWritten(string file, string encoding)
    {
        using var folder = new ImportFolder();
        var text = file.EndsWith(".json", StringComparison.Ordinal) ? Json : Yaml;
        var codec = encoding switch { "utf-16" => Encoding.Unicode, "utf-32" => Encoding.UTF32, _ => Encoding.UTF8 };
        byte[] bytes = encoding == "utf-8" ? codec.GetBytes(text) : [.. codec.GetPreamble(), .. codec.GetBytes(text)];
        var (code, output, errors) = await folder.ImportAsync(file, bytes);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(File.ReadAllText(Path.Combine(folder.Path, Path.GetFileNameWithoutExtension(file), "api.yaml")), Does.Contain("title: \"Café\"\n"));
        });
    }
}
