using System.Collections.Concurrent;
using System.Text.Json;

namespace Conformance.Schema.Tests.Suite;

/// <summary>Reads the suite's test files and compiles each case's schema once, with the suite's remotes registered.</summary>
internal static class SuiteCatalog
{
    public static readonly string[] Drafts = ["draft2020-12", "draft2019-09", "draft7", "draft6", "draft4"];

    private static readonly ConcurrentDictionary<(string, string, int, bool), SchemaLoadResult> Compiled = new();
    private static readonly Lazy<SchemaRegistry?> Remotes = new(LoadRemotes);

    public static Dialect DialectOf(string draft) => draft switch
    {
        "draft2020-12" => Dialect.Draft202012,
        "draft2019-09" => Dialect.Draft201909,
        "draft7" => Dialect.Draft7,
        "draft6" => Dialect.Draft6,
        _ => Dialect.Draft4,
    };

    /// <summary>Every test of the required files (or of <paramref name="subfolder"/>, e.g. optional/format).</summary>
    public static IEnumerable<SuiteCase> Cases(string draft, string? subfolder = null)
    {
        var suite = SuiteLocator.SuiteRoot();
        if (suite is null)
        {
            yield break;
        }

        var folder = Path.Combine(suite, "tests", draft, subfolder ?? string.Empty);
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileNameWithoutExtension(file);
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var caseIndex = 0;
            foreach (var group in document.RootElement.EnumerateArray())
            {
                var description = group.GetProperty("description").GetString();
                var schema = group.GetProperty("schema").GetRawText();
                foreach (var test in group.GetProperty("tests").EnumerateArray())
                {
                    var name = $"{draft}/{(subfolder is null ? string.Empty : subfolder + "/")}{fileName}/{description}/{test.GetProperty("description").GetString()}";
                    yield return new SuiteCase(draft, file, caseIndex, schema, test.GetProperty("data").GetRawText(), test.GetProperty("valid").GetBoolean(), name);
                }

                caseIndex++;
            }
        }
    }

    /// <summary>Runs one case; returns null when the verdict matches, else a description of the mismatch.</summary>
    public static string? Run(SuiteCase suiteCase, bool formatAssertion = false)
    {
        var options = new SchemaOptions { DefaultDialect = DialectOf(suiteCase.Draft), FormatAssertion = formatAssertion };
        var loaded = Compiled.GetOrAdd((suiteCase.File, suiteCase.SchemaJson, suiteCase.CaseIndex, formatAssertion),
            _ => JsonSchema.Parse(suiteCase.SchemaJson, "schema.json", options, Remotes.Value));
        if (loaded.Schema is null)
        {
            return "schema did not load: " + string.Join(" | ", loaded.Diagnostics.Take(3));
        }

        try
        {
            using var data = JsonDocument.Parse(suiteCase.DataJson, new JsonDocumentOptions { MaxDepth = 10_000 });
            var result = loaded.Schema.Validate(data.RootElement);
            return result.IsValid == suiteCase.Valid
                ? null
                : $"expected valid={suiteCase.Valid} but got {result.IsValid}: {string.Join(" | ", result.Errors.Take(3))}";
        }
        catch (Exception ex) when (ex is not AssertionException)
        {
            return "validation threw " + ex;
        }
    }

    private static SchemaRegistry? LoadRemotes()
    {
        var suite = SuiteLocator.SuiteRoot();
        if (suite is null)
        {
            return null;
        }

        var registry = new SchemaRegistry();
        var remotes = Path.Combine(suite, "remotes");
        foreach (var file in Directory.GetFiles(remotes, "*.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(remotes, file).Replace('\\', '/');
            registry.Add(new Uri("http://localhost:1234/" + relative), File.ReadAllText(file), file);
        }

        return registry;
    }
}
