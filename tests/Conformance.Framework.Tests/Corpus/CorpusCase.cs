using Conformance.Contracts;
using Conformance.Diagnostics;

namespace Conformance.Framework.Tests.Corpus;

/// <summary>
/// One malformed pack of the corpus: <c>Corpus/base</c> overlaid with the files of <c>Corpus/cases/&lt;name&gt;</c>
/// (a <c>remove.txt</c> lists base files to delete), and its <c>expected.txt</c>: <c>good: N</c>, then one line per
/// diagnostic, either in full or as <c>path(line,col): CTnnnn</c>.
/// </summary>
internal sealed class CorpusCase(string name)
{
    private static readonly string[] Meta = ["expected.txt", "remove.txt"];

    public static string Root => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static IEnumerable<string> Names =>
        Directory.EnumerateDirectories(Path.Combine(Root, "cases")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal);

    public string Name => name;

    private string CaseFolder => Path.Combine(Root, "cases", name);

    public int GoodRows => int.Parse(Expected()[0]["good: ".Length..], System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<string> Diagnostics => Expected().Skip(1).ToList();

    /// <summary>Matches a diagnostic against an expected line: the full text, or location and code only.</summary>
    public static bool Matches(string expected, Diagnostic actual) =>
        expected.Contains(": error CT", StringComparison.Ordinal) ? expected == actual.ToString() : expected == Short(actual);

    public static string Short(Diagnostic d) => $"{d.Location}: {d.Code}";

    /// <summary>Builds the pack in a fresh temporary folder (named <c>corpus</c>, as api.yaml says) and loads it.</summary>
    public LoadedPack Load(string scratch)
    {
        var pack = Path.Combine(scratch, name, "corpus");
        Copy(Path.Combine(Root, "base"), pack);
        Copy(CaseFolder, pack);
        var remove = Path.Combine(CaseFolder, "remove.txt");
        foreach (var file in File.Exists(remove) ? File.ReadAllLines(remove).Where(l => l.Length > 0) : [])
        {
            File.Delete(Path.Combine(pack, file));
        }

        return PackLoader.Load(pack, pack);
    }

    /// <summary>Copies the corpus's base pack (api.yaml, schemas, a table of 3 good rows) into <paramref name="to"/>.</summary>
    public static void CopyBase(string to) => Copy(Path.Combine(Root, "base"), to);

    private List<string> Expected() => File.ReadAllLines(Path.Combine(CaseFolder, "expected.txt")).Where(l => l.Length > 0).ToList();

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => !Meta.Contains(Path.GetFileName(f))))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
