using System.Diagnostics;
using Conformance.Schema;

namespace Conformance.Bench.Validator;

/// <summary>
/// A pack of N schema files, each referencing the next (a large OpenAPI import looks like this): the time to load them
/// all one by one (each load compiles what it reaches again) and in one shared load (each document compiled once).
/// </summary>
internal static class LinkedSchemas
{
    public static void Run(int count, bool oneByOne, Action<string, double, string> print)
    {
        var folder = Path.Combine(Path.GetTempPath(), "conformance-linked-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var next = i + 1 < count ? $$""", "next": { "$ref": "s{{i + 1}}.schema.json" }""" : string.Empty;
                File.WriteAllText(Path.Combine(folder, $"s{i}.schema.json"), $$"""{ "type": "object", "required": ["id"], "properties": { "id": { "type": "integer" }{{next}} } }""");
            }

            var files = Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
            var inputs = files.Select(f => (File.ReadAllText(f), f, new Uri(f))).ToList();
            var shared = Time(() =>
            {
                var registry = new SchemaRegistry();
                registry.AddDirectory(folder);
                Check(JsonSchema.ParseAll(inputs, registry));
            });
            print($"{count} linked schemas, one shared load (ParseAll)", shared, "ms");
            if (oneByOne)
            {
                var each = Time(() =>
                {
                    var registry = new SchemaRegistry();
                    registry.AddDirectory(folder);
                    Check([.. inputs.Select(i => JsonSchema.Parse(i.Item1, i.f, registry: registry, baseUri: i.Item3))]);
                });
                print($"{count} linked schemas, one load each (Parse)", each, "ms");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Check(IReadOnlyList<SchemaLoadResult> results)
    {
        if (results.Any(r => !r.Succeeded))
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, results.SelectMany(r => r.Diagnostics).Take(5)));
        }
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }
}
