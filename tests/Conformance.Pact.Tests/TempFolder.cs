namespace Conformance.Pact.Tests;

/// <summary>A fresh folder under the test work directory, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    internal TempFolder()
    {
        Path = System.IO.Path.Combine(TestContext.CurrentContext.WorkDirectory, "pacts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    internal string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
