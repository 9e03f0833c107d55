using Conformance.Contracts;

namespace Conformance.Framework.Tests.Contracts;

/// <summary>A file the loader cannot read (a symbolic link to nothing) is CT0125 on that file; the pack, and the other packs, still load.</summary>
public sealed class UnreadableFileTests
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "conformance-unreadable-" + Guid.NewGuid().ToString("N"));

    private static string Base => Path.Combine(AppContext.BaseDirectory, "Corpus", "base");

    [TearDown]
    public void Remove()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void LoadAll_DanglingTableLink_CT0125AndEveryPackStillLoads()
    {
        Pack("alpha");
        var broken = Pack("corpus");
        File.CreateSymbolicLink(Path.Combine(broken, "tables", "link.yaml"), "nowhere.yaml");

        var set = PackLoader.LoadAll(root, root);

        Assert.That(set.Packs.Select(p => p.Name), Is.EqualTo(new[] { "alpha", "corpus" }));
        Assert.That(set.Find("corpus")!.Rows, Has.Count.EqualTo(3));
        Assert.That(set.Invalid.Select(i => i.Message).Single(), Does.StartWith("corpus/tables/link.yaml(1,1): error CT0125: Cannot read corpus/tables/link.yaml, ").And.Contain("symbolic link to 'nowhere.yaml'"));
    }

    [Test]
    public void Load_DanglingTableLink_MessageNamesWhereTheLinkPoints()
    {
        var pack = Pack("corpus");
        File.CreateSymbolicLink(Path.Combine(pack, "tables", "link.yaml"), "nowhere.yaml");

        var loaded = PackLoader.Load(pack, root);

        Assert.That(loaded.Invalid.Select(i => i.Message).Single(), Is.EqualTo(
            "corpus/tables/link.yaml(1,1): error CT0125: Cannot read corpus/tables/link.yaml, it is a symbolic link to 'nowhere.yaml', which does not exist. Fix: Make the file readable or remove it (a symbolic link must point at a file that exists)."),
            "the link's target, not the absolute path of the link itself, which exists");
    }

    [Test]
    public void Load_DanglingSchemaLink_CT0125OnThatSchemaAndTheRowsStillLoad()
    {
        var pack = Pack("corpus");
        File.CreateSymbolicLink(Path.Combine(pack, "schemas", "link.schema.json"), "nowhere.json");

        var loaded = PackLoader.Load(pack, root);

        Assert.That(loaded.Rows, Has.Count.EqualTo(3));
        Assert.That(loaded.Invalid.Select(i => i.Message).Single(), Does.StartWith("corpus/schemas/link.schema.json(1,1): error CT0125: Cannot read corpus/schemas/link.schema.json, "));
    }

    [Test]
    public void LoadAll_OnePackThrows_ThatPackIsOneCT0125AndTheOthersLoad()
    {
        Pack("alpha");
        Pack("beta");
        Pack("gamma");

        var set = PackLoader.LoadAll(root, root, (folder, display) =>
            Path.GetFileName(folder) == "beta" ? throw new InvalidOperationException("Sequence contains no elements.") : PackLoader.Load(folder, display));

        Assert.That(set.Packs.Select(p => $"{p.Name}:{p.Rows.Count}"), Is.EqualTo(new[] { "alpha:3", "beta:0", "gamma:3" }));
        Assert.That(set.Invalid.Select(i => i.Message), Is.EqualTo(new[]
        {
            "beta/api.yaml(1,1): error CT0125: Pack 'beta' could not be loaded: InvalidOperationException: Sequence contains no elements, the loader failed in a way it does not foresee, so none of this pack's rows can run (the other packs are loaded). Fix: Report it with this message; meanwhile check the pack's files near what the message names.",
        }));
    }

    [Test]
    public void Load_TableLinkedToAnEndlessDevice_CT0125OnThatFileAndTheRowsStillLoad()
    {
        var pack = Pack("corpus");
        File.CreateSymbolicLink(Path.Combine(pack, "tables", "zero.yaml"), "/dev/zero");

        var loaded = PackLoader.Load(pack, root);

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Rows, Has.Count.EqualTo(3), "before: read until the process ran out of memory, and the whole pack was lost");
            Assert.That(loaded.Invalid.Select(i => i.Message).Single(), Is.EqualTo(
                "corpus/tables/zero.yaml(1,1): error CT0125: Cannot read corpus/tables/zero.yaml, it is a character device, not a regular file, and a pack's files are read whole. Fix: Put a regular file of at most 64 MiB there, split a larger table into several files under tables/, or remove it."));
        });
    }

    [Test]
    public void Load_TableThatIsAPipe_CT0125WithoutWaitingForAWriter()
    {
        var pack = Pack("corpus");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(pack, "tables", "pipe.yaml")))
        {
            mkfifo.WaitForExit();
        }

        var loaded = PackLoader.Load(pack, root);

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Rows, Has.Count.EqualTo(3));
            Assert.That(loaded.Invalid.Select(i => i.Message).Single(), Does.StartWith("corpus/tables/pipe.yaml(1,1): error CT0125: Cannot read corpus/tables/pipe.yaml, it is a pipe (FIFO), not a regular file"));
        });
    }

    [Test]
    public void Load_SchemaOverTheLimit_CT0125AndTheRowsStillLoad()
    {
        var pack = Pack("corpus");
        using (var big = File.Create(Path.Combine(pack, "schemas", "big.schema.json")))
        {
            big.SetLength(Conformance.Files.WholeFile.MaxBytes + 1L); // sparse: no disk written
        }

        var loaded = PackLoader.Load(pack, root);

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Rows, Has.Count.EqualTo(3));
            Assert.That(loaded.Invalid.Select(i => i.Message).Single(), Is.EqualTo(
                "corpus/schemas/big.schema.json(1,1): error CT0125: Cannot read corpus/schemas/big.schema.json, it holds more than 64 MiB, the most a pack file may hold (a status table of several hundred thousand rows). Fix: Put a regular file of at most 64 MiB there, split a larger table into several files under tables/, or remove it."));
        });
    }

    [Test]
    public void Load_SchemaRefToAFileLinkedToAnEndlessDevice_CT0203OnThatSchemaAndTheRowsStillLoad()
    {
        var pack = Pack("corpus");
        Directory.CreateDirectory(Path.Combine(pack, "shared"));
        File.CreateSymbolicLink(Path.Combine(pack, "shared", "zero.json"), "/dev/zero");
        File.WriteAllText(Path.Combine(pack, "schemas", "uses.schema.json"), """{ "$ref": "../shared/zero.json" }""");

        var loaded = PackLoader.Load(pack, root);

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Rows, Has.Count.EqualTo(3), "before: read until the process ran out of memory");
            Assert.That(loaded.Invalid.Select(i => i.Message).Single(), Is.EqualTo(
                "corpus/schemas/uses.schema.json(1,11): error CT0203: \"$ref\" cannot be resolved: corpus/shared/zero.json, the file is there but cannot be read: it is a character device, not a regular file, and a pack's files are read whole. Fix: put a regular, readable JSON file there, or correct the reference"));
        });
    }

    [Test]
    public void Load_SchemaRefToAPipe_CT0203WithoutWaitingForAWriter()
    {
        var pack = Pack("corpus");
        Directory.CreateDirectory(Path.Combine(pack, "shared"));
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(pack, "shared", "pipe.json")))
        {
            mkfifo.WaitForExit();
        }

        File.WriteAllText(Path.Combine(pack, "schemas", "uses.schema.json"), """{ "$ref": "../shared/pipe.json" }""");

        var loaded = PackLoader.Load(pack, root);

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Rows, Has.Count.EqualTo(3));
            Assert.That(loaded.Invalid.Select(i => i.Message).Single(), Is.EqualTo(
                "corpus/schemas/uses.schema.json(1,11): error CT0203: \"$ref\" cannot be resolved: corpus/shared/pipe.json, the file is there but cannot be read: it is a pipe (FIFO), not a regular file, and a pack's files are read whole. Fix: put a regular, readable JSON file there, or correct the reference"));
        });
    }

    [Test]
    public void Load_RowWithBodyValuesOnASchemaLinkedToAnEndlessDevice_OnlyThatRowIsInvalid()
    {
        var pack = Pack("corpus");
        File.Delete(Path.Combine(pack, "schemas", "error.schema.json"));
        File.CreateSymbolicLink(Path.Combine(pack, "schemas", "error.schema.json"), "/dev/zero");
        File.WriteAllText(Path.Combine(pack, "tables", "main.yaml"), """
            rows:
              - { op: get_thing, scenario: valid, expect: 200 }
              - { op: get_thing, scenario: no_auth, expect: 401, body: { /code: { equals: AUTH } } }
            """);

        var loaded = PackLoader.Load(pack, root);

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Rows.Select(r => r.ScenarioId), Is.EqualTo(new[] { "valid" }), "before: the body value's check read the schema until the process ran out of memory");
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.EqualTo(new[]
            {
                "corpus/schemas/error.schema.json(1,1): error CT0125: Cannot read corpus/schemas/error.schema.json, it is a character device, not a regular file, and a pack's files are read whole. Fix: Put a regular file of at most 64 MiB there, split a larger table into several files under tables/, or remove it.",
                "corpus/tables/main.yaml(3,5): error CT0110: Schema 'schemas/error.schema.json' cannot be used, it has errors, first: corpus/schemas/error.schema.json(1,1): CT0125 Cannot read corpus/schemas/error.schema.json, it is a character device, not a regular file, and a pack's files are read whole. Fix: At corpus/schemas/error.schema.json(1,1): Put a regular file of at most 64 MiB there, split a larger table into several files under tables/, or remove it; then the row can use it.",
            }));
        });
    }

    private string Pack(string name)
    {
        var folder = Path.Combine(root, name);
        foreach (var file in Directory.EnumerateFiles(Base, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(Base, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(folder, "api.yaml"), File.ReadAllText(Path.Combine(folder, "api.yaml")).Replace("name: corpus", $"name: {name}", StringComparison.Ordinal));
        return folder;
    }
}
