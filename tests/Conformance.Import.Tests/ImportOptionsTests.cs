namespace Conformance.Import.Tests;

/// <summary>Bad arguments: every problem listed at once as a CT0402, nothing written (exit code 2).</summary>
public sealed class ImportOptionsTests
{
    private const string Fix = "Fix: Name the document, the pack (--name) and, if the folder is not contracts/<name>, where to write it (--out). Usage: conformance-import <openapi.json|openapi.yaml> --name <api> [--out <folder>] [--force]";

    [Test]
    public void Parse_NoNameAndAnUnknownOption_BothListedWithDidYouMean()
    {
        var (options, errors) = ImportOptions.Parse([ImportFolder.Fixture("notes.openapi.yaml"), "--nmae", "x"], "/contracts");

        Assert.Multiple(() =>
        {
            Assert.That(options, Is.Null);
            Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
            {
                $"arguments(1,1): error CT0402: '--nmae' is not an option, the options are --name, --out and --force. {Fix} Did you mean '--name'?",
                $"arguments(1,1): error CT0402: 'x' is a second document, one OpenAPI document is imported at a time. {Fix}",
                $"arguments(1,1): error CT0402: --name is missing, the pack needs a name (its folder, its settings prefix). {Fix}",
            }));
        });
    }

    [Test]
    public void Parse_MissingDocumentAndBadName_BothListed()
    {
        var (_, errors) = ImportOptions.Parse(["nowhere.yaml", "--name", "notes-v2"], "/contracts");

        Assert.That(errors.Select(e => $"{e.What}, {e.Why}"), Is.EqualTo(new[]
        {
            "'nowhere.yaml' does not exist, the document is read from that path",
            "--name 'notes-v2' is not a pack name, a pack name is lower-case letters, digits and '_' ('stripe', 'notes_v2'), so CONFORMANCE_<NAME>_BASEURL is a usable variable",
        }));
    }

    [Test]
    public void Parse_DocumentThatIsADevice_RefusedBeforeItIsRead()
    {
        // Before: /dev/zero ended the importer with "Out of memory.", and a pipe held it until a writer came.
        var (_, errors) = ImportOptions.Parse(["/dev/zero", "--name", "zero"], "/contracts");

        Assert.That(errors.Select(e => $"{e.What}, {e.Why}"), Is.EqualTo(new[]
        {
            "'/dev/zero' is a character device, not a regular file, the document is read whole, which would never end or wait for a writer",
        }));
    }

    [Test]
    public void Parse_DocumentThatIsAFolder_SaysItIsAFolder()
    {
        using var folder = new ImportFolder();

        var (_, errors) = ImportOptions.Parse([folder.Path, "--name", "notes"], "/contracts");

        Assert.That(errors.Select(e => $"{e.What}, {e.Why}"), Is.EqualTo(new[]
        {
            $"'{folder.Path}' is a folder, the first argument is the OpenAPI document itself (a .json or .yaml file), not the folder holding it",
        }), "before: said the folder does not exist");
    }

    [Test]
    public async Task Parse_FolderWithFiles_RefusedWithoutForceAcceptedWithIt()
    {
        using var folder = new ImportFolder();
        var kept = Directory.CreateDirectory(Path.Combine(folder.Path, "kept")).FullName;
        await File.WriteAllTextAsync(Path.Combine(kept, "api.yaml"), "name: kept\n");
        string[] args = [ImportFolder.Fixture("notes.openapi.yaml"), "--name", "kept", "--out", kept];

        var refused = ImportOptions.Parse(args, "/contracts");
        var forced = ImportOptions.Parse([.. args, "--force"], "/contracts");

        Assert.Multiple(() =>
        {
            Assert.That(refused.Errors.Select(e => e.What), Is.EqualTo(new[] { $"'{kept}' already has files" }));
            Assert.That(refused.Errors.Select(e => e.Fix), Is.EqualTo(new[]
            {
                "Add --force to write the pack over it (the files the import writes are replaced, any others stay), or name a new or empty folder with --out. "
                    + "Usage: conformance-import <openapi.json|openapi.yaml> --name <api> [--out <folder>] [--force]",
            }));
            Assert.That(forced.Options?.Output, Is.EqualTo(kept));
        });
    }

    [Test]
    public void Parse_OutFolderNamedOtherwise_Refused()
    {
        var (_, errors) = ImportOptions.Parse([ImportFolder.Fixture("notes.openapi.yaml"), "--name", "billing", "--out", "/tmp/drafts/"], "/contracts");

        Assert.That(errors.Select(e => $"{e.What}, {e.Why}"), Is.EqualTo(new[] { "--out '/tmp/drafts/' is not a folder named 'billing', a pack's folder name is its name (filters, settings keys and reports use it)" }));
    }

    [Test]
    public void Parse_NoOut_WritesUnderContracts()
    {
        var (options, _) = ImportOptions.Parse([ImportFolder.Fixture("notes.openapi.yaml"), "--name", "brand_new"], "/repo/contracts");

        Assert.That(options?.Output, Is.EqualTo(Path.Combine("/repo/contracts", "brand_new")));
    }

    [Test]
    public async Task RunAsync_BadArguments_NothingWrittenExitCode2()
    {
        var (code, output, errors) = await ImportFolder.RunAsync("--name");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(errors, Does.Contain("error CT0402: --name has no value").And.EndWith("Nothing was written." + Environment.NewLine));
        });
    }
}
