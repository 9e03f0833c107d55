using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Diagnostics;

namespace Conformance.Import.Bundling;

/// <summary>Where a reference leads, and the error at a reference that cannot be followed.</summary>
internal sealed partial class Bundler
{
    private const string Why = "the importer reads the files a document refers to by a relative path as one document, and drafts nothing from one with a reference it cannot follow";

    /// <summary>
    /// The file and JSON Pointer <paramref name="reference"/>, held by <paramref name="file"/>, names (a local one inside
    /// another file than the main document: that file); null when it is the reader's to resolve (local to the main document)
    /// or left as it is (a URL, an absolute path).
    /// </summary>
    private RefTarget? Target(string reference, PartFile file)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var location = hash < 0 ? reference : reference[..hash];
        var fragment = hash < 0 ? string.Empty : reference[(hash + 1)..];
        if ((location.Length == 0 && file == files.Main) || Scheme().IsMatch(location) || location.StartsWith('/') || location.StartsWith('\\'))
        {
            return null;
        }

        var full = location.Length == 0 ? file.FullPath : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file.FullPath)!, Uri.UnescapeDataString(location)));
        var pointer = Uri.UnescapeDataString(fragment);
        return pointer.Length == 0 || Tables.JsonPointer.IsValid(pointer)
            ? new RefTarget(full, pointer, null)
            : new RefTarget(null, pointer, $"has the fragment '#{fragment}', which is no JSON Pointer (the importer follows '#/...' pointers, not anchors or names)");
    }

    private Diagnostic Error(PartFile file, string pointer, string what, string fix)
    {
        if (!places.TryGetValue(file.FullPath, out var place))
        {
            place = new DocumentPlaces(file.FullPath, file.DisplayPath);
            places[file.FullPath] = place;
        }

        return new(ErrorCodes.OpenApiUnreadable.Code, place.Locate("#" + pointer), what, Why, fix);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();
}

/// <summary>What a file referred to holds is at <paramref name="At"/> (a JSON Pointer) of the bundled document: <paramref name="Pointer"/> of <paramref name="File"/>.</summary>
internal sealed record Origin(string At, PartFile File, string Pointer);

/// <summary>The file (its full path) and JSON Pointer a reference names, or what is wrong with it.</summary>
internal sealed record RefTarget(string? Full, string Pointer, string? Problem);

/// <summary>JSON Pointers into the JSON tree of a file.</summary>
internal static class Pointers
{
    public static string Escape(string token) => Tables.JsonPointer.Escape(token);

    public static IReadOnlyList<string> Tokens(string pointer) => Tables.JsonPointer.Tokens(pointer);

    /// <summary>The node <paramref name="pointer"/> names in <paramref name="root"/>; else null and what is missing.</summary>
    public static (JsonNode? Node, string Missing) Resolve(JsonNode? root, string pointer)
    {
        var node = root;
        var at = string.Empty;
        foreach (var token in Tokens(pointer))
        {
            JsonNode? next = null;
            var found = node switch
            {
                JsonObject map => map.TryGetPropertyValue(token, out next),
                JsonArray list when int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < list.Count => (next = list[i]) is var _,
                _ => false,
            };
            if (!found)
            {
                return (null, $"{(at.Length == 0 ? "its root" : $"'{at}'")} has no '{token}'");
            }

            at += "/" + Escape(token);
            node = next;
        }

        return node is null ? (null, $"'{(at.Length == 0 ? "/" : at)}' holds nothing (null)") : (node, string.Empty);
    }
}
