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

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
