using System.Text.Json.Nodes;

namespace Conformance.Schema.Tests;

/// <summary>References across documents: registered URIs, folders of files, embedded resources.</summary>
[TestFixture]
public sealed class RegistryTests
{
    private string folder = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "conformance-schema-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "common"));
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, true);

    [Test]
    public void LoadFile_RelativeRefToSiblingFolderFile_Resolves()
    {
        File.WriteAllText(Path.Combine(folder, "common", "error.schema.json"), """{"$defs": {"code": {"type": "string", "pattern": "^[A-Z]{3}-\\d{3}$"}}}""");
        File.WriteAllText(Path.Combine(folder, "body.schema.json"), """{"properties": {"errorCode": {"$ref": "common/error.schema.json#/$defs/code"}}}""");
        var registry = new SchemaRegistry();
        registry.AddDirectory(folder);

        var loaded = JsonSchema.LoadFile(Path.Combine(folder, "body.schema.json"), registry: registry);

        Assert.That(loaded.Diagnostics, Is.Empty);
        Assert.That(loaded.Schema!.Validate(JsonNode.Parse("""{"errorCode": "CMN-101"}""")).IsValid, Is.True);
        Assert.That(loaded.Schema.Validate(JsonNode.Parse("""{"errorCode": "CMN9"}""")).Errors.Single().AbsoluteKeywordLocation,
            Does.EndWith("common/error.schema.json#/$defs/code/pattern"));
    }

    [Test]
    public void LoadFile_RefToAFileTheReaderRefuses_CT0203SaysWhy()
    {
        File.WriteAllText(Path.Combine(folder, "common", "error.schema.json"), """{"type": "string"}""");
        File.WriteAllText(Path.Combine(folder, "body.schema.json"), """{"properties": {"errorCode": {"$ref": "common/error.schema.json"}}}""");
        var registry = new SchemaRegistry { ReadFile = path => throw new IOException($"{Path.GetFileName(path)} is refused.") };
        registry.AddDirectory(folder);

        var loaded = JsonSchema.LoadFile(Path.Combine(folder, "body.schema.json"), registry: registry);

        Assert.That(loaded.Diagnostics.Select(d => $"{d.Code}: {d.Why}. Fix: {d.Fix}"), Is.EqualTo(new[]
        {
            "CT0203: the file is there but cannot be read: error.schema.json is refused. Fix: put a regular, readable JSON file there, or correct the reference",
        }));
    }

    [Test]
    public void LoadFile_RefToAFileTheReaderAccepts_ReadThroughIt()
    {
        File.WriteAllText(Path.Combine(folder, "common", "error.schema.json"), """{"type": "string"}""");
        File.WriteAllText(Path.Combine(folder, "body.schema.json"), """{"properties": {"errorCode": {"$ref": "common/error.schema.json"}}}""");
        var read = new List<string>();
        var registry = new SchemaRegistry { ReadFile = path => { read.Add(Path.GetFileName(path)); return """{"type": "integer"}"""; } };
        registry.AddDirectory(folder);

        var loaded = JsonSchema.LoadFile(Path.Combine(folder, "body.schema.json"), registry: registry);

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.EqualTo(new[] { "error.schema.json" }));
            Assert.That(loaded.Schema!.Validate(JsonNode.Parse("""{"errorCode": 7}""")).IsValid, Is.True, "what the reader gave, not the file");
        });
    }

    [Test]
    public void ParseAll_SchemaReachingABrokenOne_EachResultAsItsOwnParse()
    {
        File.WriteAllText(Path.Combine(folder, "a.schema.json"), """{"properties": {"b": {"$ref": "b.schema.json"}}}""");
        File.WriteAllText(Path.Combine(folder, "b.schema.json"), """{"type": 5}""");
        File.WriteAllText(Path.Combine(folder, "c.schema.json"), """{"properties": {"a": {"$ref": "a.schema.json"}, "n": {"type": "integer"}}}""");
        File.WriteAllText(Path.Combine(folder, "d.schema.json"), """{"type": "string", "minLength": 2}""");
        var files = new[] { "a", "b", "c", "d" }.Select(n => Path.Combine(folder, n + ".schema.json")).ToList();
        var registry = new SchemaRegistry();
        registry.AddDirectory(folder);

        var shared = JsonSchema.ParseAll([.. files.Select(f => (File.ReadAllText(f), f, new Uri(f)))], registry);
        var alone = files.Select(f => JsonSchema.Parse(File.ReadAllText(f), f, registry: registry, baseUri: new Uri(f))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(shared.Select(r => r.Succeeded), Is.EqualTo(new[] { false, false, false, true }));
            // The same problems at the same places; a referenced broken file that is also a root of the shared load is
            // reported as its metaschema violation (CT0202) where a load of its referrer alone says CT0209.
            for (var i = 0; i < files.Count; i++)
            {
                Assert.That(shared[i].Diagnostics.Select(d => $"{Path.GetFileName(d.Path)}({d.Line},{d.Column})"), Is.EqualTo(alone[i].Diagnostics.Select(d => $"{Path.GetFileName(d.Path)}({d.Line},{d.Column})")), files[i]);
            }

            Assert.That(shared[3].Schema!.Validate(JsonNode.Parse("\"x\"")).IsValid, Is.False);
        });
    }

    [Test]
    public void Parse_RefToRegisteredUri_Resolves()
    {
        var registry = new SchemaRegistry();
        registry.Add(new Uri("http://localhost:1234/integer.json"), """{"type": "integer"}""");

        var schema = JsonSchema.Parse("""{"$ref": "http://localhost:1234/integer.json"}""", registry: registry).Schema!;

        Assert.That(schema.Validate(JsonNode.Parse("1")).IsValid, Is.True);
        Assert.That(schema.Validate(JsonNode.Parse("\"a\"")).IsValid, Is.False);
    }

    [Test]
    public void Parse_RootId_BecomesBaseUri()
    {
        var schema = JsonSchema.Parse("""{"$id": "https://example.com/schemas/body.json"}""").Schema!;

        Assert.That(schema.BaseUri, Is.EqualTo(new Uri("https://example.com/schemas/body.json")));
    }

    [Test]
    public void Parse_Draft4Schema_UsesExclusiveBooleanForm()
    {
        var schema = JsonSchema.Parse("""{"$schema": "http://json-schema.org/draft-04/schema#", "maximum": 10, "exclusiveMaximum": true}""").Schema!;

        Assert.That(schema.Validate(JsonNode.Parse("10")).Errors.Single().ToString(), Is.EqualTo(": 10 is not less than the exclusive maximum 10"));
    }
}
