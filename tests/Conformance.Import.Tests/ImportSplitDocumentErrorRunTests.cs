namespace Conformance.Import.Tests;

/// <summary>
/// A reference to another file that cannot be followed is one CT0401 at the <c>$ref</c>, in the file that holds it, and
/// nothing is written: a file that does not exist, a folder, a file that is not YAML, a pointer that names nothing in it,
/// a cycle of objects that cannot be inlined into themselves, one file past the 1,000 an import reads.
/// </summary>
public sealed class ImportSplitDocumentErrorRunTests
{
    private const string Why = "the importer reads the files a document refers to by a relative path as one document, and drafts nothing from one with a reference it cannot follow";
    private const string FixPath = "Fix: Correct the path (relative to the file that holds the $ref) or the file it names.\nNothing was written.\n";

    private static readonly byte[] Main = """
        openapi: 3.0.3
        info: { title: S, version: "1" }
        paths:
          /t:
            get:
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "./parts/part.yaml#/Thing" }
        """u8.ToArray();

    [Test]
    public async Task Import_ReferenceToAMissingFileInAPart_ErrorAtItsRefInThatFile()
    {
        var (code, errors) = await ImportAsync("Thing:\n  type: object\n  properties:\n    a: { $ref: \"../common/missing.yaml\" }\n");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(errors, Is.EqualTo($"parts/part.yaml(4,16): error CT0401: the $ref '../common/missing.yaml' names the file common/missing.yaml, which does not exist, {Why}. {FixPath}"));
        });
    }

    [Test]
    public async Task Import_PointerThatNamesNothing_ErrorAtTheRefInTheMainDocument()
    {
        var (code, errors) = await ImportAsync("Thing:\n  type: object\n", part: "parts/part.yaml", main: "openapi: 3.0.3\ninfo: { title: S, version: '1' }\npaths:\n  /t:\n    get:\n      responses:\n        '200': { $ref: 'parts/part.yaml#/responses/Ok' }\n"u8.ToArray());

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(errors, Is.EqualTo($"main.yaml(7,24): error CT0401: the $ref 'parts/part.yaml#/responses/Ok' names nothing in parts/part.yaml: its root has no 'responses', {Why}. Fix: Correct the fragment after '#' to a JSON Pointer to a node of parts/part.yaml.\nNothing was written.\n"));
        });
    }

    [Test]
    public async Task Import_PartThatIsNotYaml_ErrorAtTheRefNamingThePlaceInThePart()
    {
        var (code, errors) = await ImportAsync("Thing:\n  type: object\n  properties:\n    a: [ b\n");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(errors, Is.EqualTo($"main.yaml(11,31): error CT0401: the $ref './parts/part.yaml#/Thing' names the file parts/part.yaml, which is not JSON or YAML (While parsing a flow sequence, did not find expected ',' or ']', at line 5, column 1 of it), {Why}. {FixPath}"));
        });
    }

    [Test]
    public async Task Import_ReferenceToAFolder_ErrorNamingTheFolder()
    {
        var (code, errors) = await ImportAsync("Thing:\n  $ref: '../parts'\n");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(errors, Is.EqualTo($"parts/part.yaml(2,9): error CT0401: the $ref '../parts' names parts, a folder, not a file, {Why}. {FixPath}"));
        });
    }

    [Test]
    public async Task Import_PartLinkedToADevice_ErrorAtTheRefAndNothingRead()
    {
        using var folder = new ImportFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "parts"));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "parts", "part.yaml"), "/dev/zero");

        var (code, _, errors) = await folder.ImportAsync("main.yaml", Main);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(errors, Is.EqualTo($"main.yaml(11,31): error CT0401: the $ref './parts/part.yaml#/Thing' names the file parts/part.yaml, which is a character device, not a regular file the importer can read whole, {Why}. {FixPath}"));
        });
    }

    [Test]
    public async Task Import_PathItemsReferringToEachOther_OneErrorAndTheImportEnds()
    {
        using var folder = new ImportFolder();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "a.yaml"), "$ref: ./b.yaml\n");
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "b.yaml"), "$ref: ./a.yaml\n");
        var (code, _, errors) = await folder.ImportAsync("main.yaml", "openapi: 3.0.3\ninfo: { title: S, version: '1' }\npaths:\n  /t:\n    $ref: a.yaml\n"u8.ToArray());

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(errors, Is.EqualTo($"b.yaml(1,7): error CT0401: the $ref './a.yaml' comes back to an object it is inside (a.yaml# -> b.yaml# -> a.yaml#), which cannot be inlined into itself, {Why}. Fix: Break the cycle: an object other than a schema cannot hold itself.\nNothing was written.\n"));
        });
    }

    [Test]
    public async Task Import_SchemaFilesThatAreOnlyReferencesGoingRound_OneErrorAtTheFirstRef()
    {
        using var folder = new ImportFolder();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "a.yaml"), "$ref: ./b.yaml\n");
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "b.yaml"), "$ref: ./a.yaml\n");
        var (code, _, errors) = await folder.ImportAsync("main.yaml", "openapi: 3.0.3\ninfo: { title: S, version: '1' }\npaths:\n  /t:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: a.yaml }\n"u8.ToArray());

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(errors, Is.EqualTo($"main.yaml(11,31): error CT0401: the $ref 'a.yaml' leads only to references that go round (a.yaml# -> b.yaml# -> a.yaml#), so it names no schema, {Why}. Fix: Give one of these files the schema itself instead of a reference.\nNothing was written.\n"));
        });
    }

    [Test]
    public async Task Import_OneFileMoreThanTheCap_ErrorAtTheRefOfThatFile()
    {
        using var folder = new ImportFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "s"));
        var schemas = new System.Text.StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(folder.Path, "s", $"{i}.yaml"), "type: string\n");
            schemas.Append($"    S{i}: {{ $ref: 's/{i}.yaml' }}\n");
        }

        var main = $"openapi: 3.0.3\ninfo: {{ title: S, version: '1' }}\npaths:\n  /t:\n    get:\n      responses:\n        '200': {{ description: ok }}\ncomponents:\n  schemas:\n{schemas}";
        var (code, _, errors) = await folder.ImportAsync("main.yaml", System.Text.Encoding.UTF8.GetBytes(main));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(errors, Is.EqualTo($"main.yaml(1009,19): error CT0401: the $ref 's/999.yaml' names the file s/999.yaml, one more than the 1000 files the importer reads for one document, {Why}. {FixPath}"));
        });
    }

    [Test]
    public async Task Import_FilesPastTheByteCap_ErrorAtTheRefOfTheFileThatGoesPast()
    {
        using var folder = new ImportFolder();
        await using (var big = File.Create(Path.Combine(folder.Path, "big.yaml")))
        {
            big.SetLength((64L * 1024 * 1024) + 1);
        }

        var (code, _, errors) = await folder.ImportAsync("main.yaml", "openapi: 3.0.3\ninfo: { title: S, version: '1' }\npaths:\n  /t:\n    $ref: big.yaml\n"u8.ToArray());

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(errors, Is.EqualTo($"main.yaml(5,11): error CT0401: the $ref 'big.yaml' names the file big.yaml, past the 64 MiB the importer reads in the files one document refers to, {Why}. {FixPath}"));
        });
    }

    [Test]
    public async Task Import_ObjectInlinedPastTheValueCap_ErrorAtTheRefThatGoesPast()
    {
        using var folder = new ImportFolder();
        var examples = string.Join(", ", Enumerable.Range(0, 20000).Select(i => $"e{i}: {{ value: {i} }}"));
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "x.yaml"), $"P: {{ name: p, in: query, schema: {{ type: string }}, examples: {{ {examples} }} }}\n");
        var refs = string.Concat(Enumerable.Repeat("        - $ref: 'x.yaml#/P'\n", 60));
        var (code, _, errors) = await folder.ImportAsync("main.yaml", System.Text.Encoding.UTF8.GetBytes($"openapi: 3.0.3\ninfo: {{ title: N, version: '1' }}\npaths:\n  /t:\n    get:\n      parameters:\n{refs}      responses:\n        '200': {{ description: ok }}\n"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(errors, Is.EqualTo($"main.yaml(56,17): error CT0401: the $ref 'x.yaml#/P' would take the values inlined from other files past 2000000 (the same objects inlined again and again), {Why}. "
                + "Fix: Refer to fewer copies (a parameter or response shared through components is inlined once for each place it is used), or bundle the document with a tool of its own and import the result.\nNothing was written.\n"));
        });
    }

    [Test]
    public async Task Import_ReaderErrorsInsideFilesReferredTo_AtTheirPlacesInThoseFiles()
    {
        using var folder = new ImportFolder();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "p.yaml"), "Limit:\n  name: limit\n  in: query\n  bogus: 1\n  schema: { type: integer }\n");
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "s.yaml"), "type: object\nrequired: 5\n");
        var (code, _, errors) = await folder.ImportAsync("main.yaml", """
            openapi: 3.0.3
            info: { title: S, version: "1" }
            paths:
              /t:
                get:
                  parameters:
                    - $ref: "p.yaml#/Limit"
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: "s.yaml" }
            """u8.ToArray());

        const string Tail = ", a pack is drafted only from a readable OpenAPI 3.x document with operations. Fix: Give an OpenAPI 3.0 or 3.1 document (JSON or YAML) and correct it where the message points.\n";
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(errors, Is.EqualTo($"p.yaml(4,3): error CT0401: bogus is not a valid property at #/Limit{Tail}s.yaml(2,11): error CT0401: Expected list while parsing String at #/required{Tail}Nothing was written.\n"));
        });
    }

    [Test]
    public async Task Import_CountTooLargeInAFileReferredTo_ErrorAtItInThatFile()
    {
        var (code, errors) = await ImportAsync("Thing:\n  type: object\n  properties:\n    a: { type: string, maxLength: 99999999999 }\n");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(errors, Is.EqualTo("parts/part.yaml(4,35): error CT0401: the document could not be read (Value was either too large or too small for an Int32), a pack is drafted only from a readable OpenAPI 3.x document with operations. Fix: Give an OpenAPI 3.0 or 3.1 document (JSON or YAML) and correct it where the message points.\nNothing was written.\n"));
        });
    }

    private static async Task<(int Code, string Errors)> ImportAsync(string content, string part = "parts/part.yaml", byte[]? main = null)
    {
        using var folder = new ImportFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "parts"));
        await File.WriteAllTextAsync(Path.Combine(folder.Path, part), content);
        var (code, _, errors) = await folder.ImportAsync("main.yaml", main ?? Main);
        return (code, errors);
    }
}
