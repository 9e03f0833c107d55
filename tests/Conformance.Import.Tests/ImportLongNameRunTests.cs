using static Conformance.Import.Tests.ImportRunTests;

namespace Conformance.Import.Tests;

/// <summary>Component and operation names longer than a file name may be (255 bytes) are shortened, deterministically and uniquely.</summary>
public sealed class ImportLongNameRunTests
{
    private static readonly string Long = "Billing" + new string('L', 300);

    [Test]
    public async Task Import_ComponentNamesLongerThanAFileNameMayBe_ShortenedUniqueAndReferred()
    {
        // Audit: a component name over about 243 characters made the whole write fail ("File name too long").
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "long", """
            {"openapi":"3.0.3","info":{"title":"Long","version":"1"},"paths":{"/items":{"post":{"operationId":"createItem",
              "requestBody":{"content":{"application/json":{"schema":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}}}}},
              "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/LONGA"}}}},
                           "422":{"description":"no","content":{"application/json":{"schema":{"$ref":"#/components/schemas/LONGB"}}}}}}}},
             "components":{"schemas":{"LONGA":{"type":"object","properties":{"b":{"$ref":"#/components/schemas/LONGB"}}},"LONGB":{"type":"object","required":["message"]}}}}
            """.Replace("LONGA", Long + "A", StringComparison.Ordinal).Replace("LONGB", Long + "B", StringComparison.Ordinal));

        var files = Directory.GetFiles(Path.Combine(folder.Path, "long", "schemas")).Select(Path.GetFileName).ToList();
        var stem = "Billing" + new string('L', 176); // 183 characters of the name, then - and the SHA-256 prefix of the whole name
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
            Assert.That(files, Is.EquivalentTo(new[] { $"{stem}-0d7b34aab02c8323.schema.json", $"{stem}-fb3a19e9c887bdd4.schema.json" }));
            Assert.That(apiYaml, Does.Contain($"    schema: schemas/{stem}-0d7b34aab02c8323.schema.json\n"));
            Assert.That(File.ReadAllText(Path.Combine(folder.Path, "long", "schemas", $"{stem}-0d7b34aab02c8323.schema.json")), Does.Contain($"\"$ref\": \"{stem}-fb3a19e9c887bdd4.schema.json\""));
        });
    }

    [Test]
    public async Task Import_TwoComponentNamesWithOneFileName_EachItsOwnFile()
    {
        // "Bad Request" and "Bad-Request" both sanitize to Bad-Request.schema.json: the second was referred to the first's
        // file and never written, so its rows were checked against the other schema. Also names differing in case only
        // (one file on a case-insensitive file system).
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "clash", """
            {"openapi":"3.0.3","info":{"title":"Clash","version":"1"},"paths":{"/items":{"post":{"operationId":"createItem",
              "requestBody":{"content":{"application/json":{"schema":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}}}}},
              "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}},
                           "400":{"description":"no","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Bad Request"}}}},
                           "422":{"description":"no","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Bad-Request"}}}}}}}},
             "components":{"schemas":{"Item":{"type":"object","properties":{"a":{"$ref":"#/components/schemas/item"}}},"item":{"type":"string"},
               "Bad Request":{"type":"object","required":["error"]},"Bad-Request":{"type":"object","required":["code"]}}}}
            """);

        var schemas = Path.Combine(folder.Path, "clash", "schemas");
        var files = Directory.GetFiles(schemas).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var texts = files.ToDictionary(f => f!, f => File.ReadAllText(Path.Combine(schemas, f!)));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
            Assert.That(files, Has.Count.EqualTo(4), string.Join(", ", files));
            Assert.That(files.Select(f => f!.ToLowerInvariant()), Is.Unique, "one file each on a case-insensitive file system too");
            Assert.That(texts.Values.Count(t => t.Contains("\"error\"", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(texts.Values.Count(t => t.Contains("\"code\"", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(texts.Values.Count(t => t.Contains("\"type\": \"string\"", StringComparison.Ordinal) && !t.Contains("properties", StringComparison.Ordinal)), Is.EqualTo(1));
        });
    }

    [Test]
    public void For_NameWithinTheLimit_KeptSanitized()
    {
        var longest = new string('a', SchemaFileName.MaxStem - 2) + " b";

        Assert.Multiple(() =>
        {
            Assert.That(SchemaFileName.For("Pet Store"), Is.EqualTo("schemas/Pet-Store.schema.json"));
            Assert.That(SchemaFileName.For(longest), Is.EqualTo($"schemas/{new string('a', SchemaFileName.MaxStem - 2)}-b.schema.json"));
        });
    }

    [Test]
    public void For_NamesOverTheLimit_ShortenedDeterministicAndDistinct()
    {
        var over = new string('a', SchemaFileName.MaxStem + 1);
        var names = new[] { over, over[..^1] + "b", over + " ", over + "-" }.Select(SchemaFileName.For).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(names, Is.Unique);
            Assert.That(names.Select(n => Path.GetFileName(n).Length), Is.All.EqualTo(SchemaFileName.MaxStem + ".schema.json".Length));
            Assert.That(names.Select(n => n[..(8 + SchemaFileName.MaxStem - 17)]), Is.All.EqualTo("schemas/" + new string('a', SchemaFileName.MaxStem - 17)));
            Assert.That(SchemaFileName.For(over), Is.EqualTo(names[0]));
        });
    }
}
