using Conformance.Contracts;

namespace Conformance.Framework.Tests.Contracts;

/// <summary>CT0109 names the pack's folder as every path of the run shows it (contracts/acme/), not the pack's bare name.</summary>
public sealed class SchemaFolderTests
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "conformance-schema-folder-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void Remove()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void Load_SchemaFileMissing_NamesThePackFolderAsTheRunShowsIt()
    {
        var folder = Path.Combine(root, "contracts", "corpus");
        Copy(Path.Combine(AppContext.BaseDirectory, "Corpus", "base"), folder);
        var api = Path.Combine(folder, "api.yaml");
        File.WriteAllText(api, File.ReadAllText(api).Replace("schema: schemas/thing.schema.json", "schema: schemas/thng.schema.json", StringComparison.Ordinal));

        var pack = PackLoader.Load(folder, root);

        Assert.That(pack.Invalid.SelectMany(i => i.Diagnostics).Select(d => d.ToString()).Distinct(), Is.EqualTo(new[]
        {
            "contracts/corpus/api.yaml(19,13): error CT0109: Schema 'schemas/thng.schema.json' named by operation 'get_thing' does not exist, no such file under contracts/corpus/. Fix: Create the file or fix the path; paths are relative to the pack folder. Did you mean 'schemas/thing.schema.json'?",
            "contracts/corpus/tables/main.yaml(2,5): error CT0109: Schema 'schemas/thng.schema.json' does not exist, no such file under contracts/corpus/. Fix: Create the file or fix the path; paths are relative to the pack folder. Did you mean 'schemas/thing.schema.json'?",
        }));
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
