using System.Text.Json.Nodes;

namespace Conformance.Import;

/// <summary>
/// A reference to a schema's own <c>$defs</c> (<c>$ref: "#/$defs/D"</c> inside an inline OpenAPI 3.1 schema), which the
/// reader rewrites to the place of that schema in the document (<c>#/paths/~1things/post/responses/201/content/
/// application~1json/schema/$defs/D</c>): in the schema's own file no such place exists, and the drafted pack reported
/// CT0203 for it. Such a reference is written to the file's own <c>$defs</c> (or <c>definitions</c>) where they hold it.
/// </summary>
internal static class LocalDefinitions
{
    private static readonly string[] Sections = ["/$defs/", "/definitions/"];

    /// <summary><paramref name="target"/> as a reference within <paramref name="file"/>: unchanged when it resolves there or nothing there matches.</summary>
    public static string Within(JsonObject file, string target)
    {
        if (!target.StartsWith("#/", StringComparison.Ordinal) || Resolves(file, target[1..]))
        {
            return target;
        }

        for (var at = target.IndexOf('/', StringComparison.Ordinal); at >= 0; at = target.IndexOf('/', at + 1))
        {
            if (Array.Exists(Sections, s => string.CompareOrdinal(target, at, s, 0, s.Length) == 0) && Resolves(file, target[at..]))
            {
                return "#" + target[at..];
            }
        }

        return target;
    }

    private static bool Resolves(JsonObject file, string pointer) => Bundling.Pointers.Resolve(file, pointer).Node is not null;
}
