namespace Conformance.Import.Tests;

/// <summary>A fresh folder for one import, deleted on dispose.</summary>
internal sealed class ImportFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("conformance-import-").FullName;

    public static string Fixture(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>Runs the importer with these arguments; returns its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await ImportCommand.RunAsync(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> as <paramref name="fileName"/> here and imports it as the pack named after its stem,
    /// into a folder here; standard error with this folder's path (as the importer names files) left out.
    /// </summary>
    public async Task<(int Code, string Output, string Errors)> ImportAsync(string fileName, byte[] bytes)
    {
        var document = System.IO.Path.Combine(Path, fileName);
        await File.WriteAllBytesAsync(document, bytes);
        var name = System.IO.Path.GetFileNameWithoutExtension(fileName);
        var (code, output, errors) = await RunAsync(document, "--name", name, "--out", System.IO.Path.Combine(Path, name));
        return (code, output, errors.Replace(System.IO.Path.GetRelativePath(RepositoryRoot(), Path) + System.IO.Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal));
    }

    /// <summary>The one schema file the pack <paramref name="pack"/> drafted here, read.</summary>
    public System.Text.Json.Nodes.JsonNode OnlySchema(string pack) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Directory.GetFiles(System.IO.Path.Combine(Path, pack, "schemas")).Single()))!;

    /// <summary>That one schema file compiled by the project's validator, to judge values with.</summary>
    public Conformance.Schema.JsonSchema OnlySchemaCompiled(string pack) => Conformance.Schema.JsonSchema.Parse(OnlySchema(pack).ToJsonString()).Schema!;

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Conformance.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }
}
