using Conformance.Contracts;

namespace Conformance.Framework.Tests.Contracts;

/// <summary>A folder linked to itself (<c>schemas/self -> .</c>, <c>tables/self -> .</c>) is reported once, never followed round.</summary>
public sealed class FolderLinkTests
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "conformance-links-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void Remove()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void Load_SchemasFolderLinkedToItself_OneCT0125AndEachSchemaOnce()
    {
        var pack = Pack();
        Directory.CreateSymbolicLink(Path.Combine(pack, "schemas", "self"), ".");

        var loaded = PackLoader.Load(pack, root);

        Assert.That(loaded.Rows, Has.Count.EqualTo(3));
        Assert.That(loaded.Invalid.Select(i => i.Message), Is.EqualTo(new[]
        {
            "corpus/schemas/self(1,1): error CT0125: Folder corpus/schemas/self is not read, it is a symbolic link to '.', a folder whose schemas are read already, so following it would read them again without end. Fix: Remove the link, or point it at a folder outside schemas/.",
        }));
    }

    [Test]
    public void Load_TablesFolderLinkedToItself_OneDiagnosticAndTheRowsOnce()
    {
        var pack = Pack();
        Directory.CreateSymbolicLink(Path.Combine(pack, "tables", "self"), ".");

        var loaded = PackLoader.Load(pack, root);

        Assert.That(loaded.Rows, Has.Count.EqualTo(3));
        Assert.That(loaded.Invalid.Select(i => i.Message), Is.EqualTo(new[]
        {
            "corpus/tables/self(1,1): error CT0125: Folder corpus/tables/self/ is not read, only tables/*.yaml and tables/*.yml are status tables, a subfolder is not searched, so its rows would not run. Fix: Move its tables up into tables/, or move the folder out of tables/.",
        }));
    }

    [Test]
    public void LoadAll_ContractsFolderMissing_OneCT0303NamingTheFolderAndTheSetting()
    {
        var missing = Path.Combine(root, "contracts-typo");

        var set = PackLoader.LoadAll(missing, root);

        Assert.That(set.Invalid.Select(i => i.Message), Is.EqualTo(new[]
        {
            $"runsettings:conformance.contracts(1,1): error CT0303: The contracts folder {missing} does not exist, conformance.contracts (or CONFORMANCE_CONFORMANCE_CONTRACTS; unset: the repository's contracts/) names it, and a pack is a folder in it with an api.yaml, so no case would run. Fix: Point conformance.contracts at the folder holding one folder per API (contracts/<api>/api.yaml), or unset it.",
        }));
        Assert.That(set.Invalid.Single().Kind, Is.EqualTo("setting"));
    }

    [Test]
    public void LoadAll_ContractsFolderMissingNamedByTheEnvironment_ReportedAtTheVariable()
    {
        var missing = Path.Combine(root, "contracts-typo");
        var source = new Conformance.Targets.SettingsSource(_ => null, name => name == "CONFORMANCE_CONFORMANCE_CONTRACTS" ? missing : null);

        var set = PackLoader.LoadAll(missing, root, source.FromItsOrigin);

        Assert.That(set.Invalid.Single().Message, Does.StartWith($"environment:CONFORMANCE_CONFORMANCE_CONTRACTS(1,1): error CT0303: The contracts folder {missing} does not exist, "));
    }

    [Test]
    public void LoadAll_ContractsFolderIsAFile_OneCT0303SayingSo()
    {
        Directory.CreateDirectory(root);
        var file = Path.Combine(root, "contracts.yaml");
        File.WriteAllText(file, "name: notes\n");

        var set = PackLoader.LoadAll(file, root);

        Assert.That(set.Invalid.Single().Message, Does.StartWith($"runsettings:conformance.contracts(1,1): error CT0303: The contracts folder {file} is a file, not a folder, "));
    }

    [Test]
    public void LoadAll_ContractsFolderEmpty_OneCT0303SayingItHoldsNoPack()
    {
        Directory.CreateDirectory(root);

        var set = PackLoader.LoadAll(root, root);

        Assert.That(set.Invalid.Single().Message, Does.StartWith($"runsettings:conformance.contracts(1,1): error CT0303: The contracts folder {root} holds no pack folder, "));
        Assert.That(set.Rows, Is.Empty);
    }

    [Test]
    public void LoadAll_ContractsFolderIsAPackItself_ThatPackAlone()
    {
        var pack = Pack();

        var set = PackLoader.LoadAll(pack, root);

        Assert.Multiple(() =>
        {
            Assert.That(set.Packs.Select(p => p.Name), Is.EqualTo(new[] { "corpus" }), "before: its tables/ and schemas/ were read as two packs without an api.yaml");
            Assert.That(set.Rows.Count(), Is.EqualTo(3));
            Assert.That(set.Invalid, Is.Empty);
        });
    }

    private string Pack()
    {
        var pack = Path.Combine(root, "corpus");
        Corpus.CorpusCase.CopyBase(pack);
        return pack;
    }
}
