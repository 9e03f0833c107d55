using Conformance.Contracts;
using Conformance.Framework.Tests.Corpus;

namespace Conformance.Framework.Tests.Contracts;

/// <summary>A scratch copy of the corpus pack with one table, <c>tables/bad.yaml</c>, written line by line; removed after each test.</summary>
public abstract class TableRecoveryFixture
{
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "conformance-recovery-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void RemoveScratch()
    {
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private protected LoadedPack Load(params string[] lines)
    {
        var dir = Path.Combine(scratch, "corpus");
        CorpusCase.CopyBase(dir);
        File.WriteAllText(Path.Combine(dir, "tables", "bad.yaml"), string.Join('\n', lines) + "\n");
        return PackLoader.Load(dir, dir);
    }

    private protected static List<string> Invalid(LoadedPack pack) =>
        pack.Invalid.Select(i => $"{i.CaseName} | {i.Message}").ToList();

    private protected static List<string> Ids(LoadedPack pack) =>
        pack.Rows.Where(r => r.Location.Path.EndsWith("bad.yaml", StringComparison.Ordinal)).Select(r => r.Id).ToList();
}
