using System.Text.Json;
using Conformance.Schema.Json;

namespace Conformance.Schema.Loading;

/// <summary>
/// Why a reference resolves to nothing, and the fix, for CT0203: a pointer or anchor the document lacks (with the
/// closest name there), a file that cannot be read or does not exist, or a URI nothing registered.
/// </summary>
internal static class UnresolvedRef
{
    public static (string Why, string Fix) Explain(Location? document, string absolute, string? unreadable)
    {
        if (unreadable is not null)
        {
            return ($"the file is there but cannot be read: {unreadable}", "put a regular, readable JSON file there, or correct the reference");
        }

        var fragment = UriUtil.Fragment(absolute);
        if (document is { } at)
        {
            return fragment.StartsWith('/') ? MissingPointer(at, JsonPointer.FromFragment(fragment))
                : ($"the document is there but declares no anchor \"{Uri.UnescapeDataString(fragment)}\"",
                    "name an anchor the document declares ($anchor), or write a JSON Pointer fragment such as #/$defs/Name");
        }

        if (Uri.TryCreate(UriUtil.WithoutFragment(absolute), UriKind.Absolute, out var uri) && uri.IsFile && !File.Exists(uri.LocalPath))
        {
            return ("no such file exists (a relative reference is resolved against the folder of the schema that makes it; nothing is fetched)",
                "create the file or correct the reference");
        }

        return ("no registered document, embedded $id or anchor has that URI", "correct the reference, or give that document to the loader (in a pack, a file under schemas/ referred to by its relative path; in code, SchemaRegistry.Add/AddDirectory)");
    }

    private static (string Why, string Fix) MissingPointer(Location document, string pointer)
    {
        JsonPointer.TryResolve(document.Document.Root, document.Pointer, out var found);
        var parent = string.Empty;
        foreach (var token in pointer[1..].Split('/').Select(JsonPointer.Unescape))
        {
            if (found.ValueKind == JsonValueKind.Object && found.TryGetProperty(token, out var next))
            {
                found = next;
                parent = JsonPointer.Append(parent, token);
                continue;
            }

            var under = parent.Length == 0 ? "at its root" : $"under {parent}";
            var names = found.ValueKind == JsonValueKind.Object ? found.EnumerateObject().Select(p => p.Name) : [];
            var closest = Suggest.Closest(token, names);
            var hint = closest is null ? string.Empty : $"; did you mean \"#{JsonPointer.ToFragment(JsonPointer.Append(parent, closest))}\"?";
            return ($"the document is there but has no \"{token}\" {under}", $"point the reference at a location the document has{hint}");
        }

        return ($"the document is there but has nothing at {pointer}", "point the reference at a location the document has");
    }
}
