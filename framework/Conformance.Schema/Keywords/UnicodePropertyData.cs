using System.Reflection;

namespace Conformance.Schema.Keywords;

/// <summary>
/// UnicodeProperties.txt (an embedded resource, generated from Node's V8 by tests/scripts/unicode-properties.mjs): the
/// names and aliases of the General_Category values, binary properties, Script and Script_Extensions values, and the
/// code points of all but the first. The names are read once; a property's code points on its first use (thread-safe).
/// </summary>
internal static class UnicodePropertyData
{
    /// <summary>The kinds of UnicodeProperties.txt's lines.</summary>
    public const string Category = "gc", Binary = "binary", Script = "sc", ScriptExtensions = "scx";

    private static readonly Lazy<Tables> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The Unicode version of the Script, Script_Extensions and binary properties' code points.</summary>
    public static string UnicodeVersion => Loaded.Value.Version;

    /// <summary>The first name of the <paramref name="kind"/> value or property <paramref name="name"/> (an alias: case-sensitive), or null.</summary>
    public static string? Canonical(string kind, string name) => Loaded.Value.Names.GetValueOrDefault((kind, name));

    /// <summary>Every name (aliases included) of a kind, in the file's order.</summary>
    public static IEnumerable<string> Names(string kind) => Loaded.Value.Order.Where(n => n.Kind == kind).Select(n => n.Name);

    /// <summary>The code points of a binary, Script or Script_Extensions property, by its first name.</summary>
    public static PropertyRanges Ranges(string kind, string canonical) => Loaded.Value.Ranges[(kind, canonical)].Value;

    private static Tables Load()
    {
        using var stream = typeof(UnicodePropertyData).Assembly.GetManifestResourceStream("unicode-properties")
            ?? throw new InvalidOperationException("the embedded resource unicode-properties is missing");
        using var reader = new StreamReader(stream);
        var tables = new Tables();
        var scripts = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("unicode ", StringComparison.Ordinal))
            {
                tables.Version = line.Split(' ')[1];
            }
            else if (line.Length > 0 && line[0] != '#')
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var names = (colon < 0 ? line : line[..colon]).Split(' ');
                var (kind, canonical) = (names[0], names[1]);
                foreach (var name in names.Skip(1))
                {
                    tables.Names[(kind, name)] = canonical;
                    tables.Order.Add((kind, name));
                }

                if (colon >= 0)
                {
                    var encoded = line[(colon + 1)..] is "=" ? scripts[canonical] : line[(colon + 1)..];
                    if (kind == Script)
                    {
                        scripts[canonical] = encoded;
                    }

                    tables.Ranges[(kind, canonical)] = new(() => PropertyRanges.Decode(encoded), LazyThreadSafetyMode.ExecutionAndPublication);
                }
            }
        }

        return tables;
    }

    private sealed class Tables
    {
        public string Version { get; set; } = "";

        public Dictionary<(string Kind, string Name), string> Names { get; } = [];

        public List<(string Kind, string Name)> Order { get; } = [];

        public Dictionary<(string Kind, string Name), Lazy<PropertyRanges>> Ranges { get; } = [];
    }
}
