using System.Text.RegularExpressions;
using Conformance.Diagnostics;
using Conformance.Import.Bundling;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// The reader's errors inside what another file holds (a document split over files is read bundled, <see cref="Bundler"/>):
/// at the place in that file, the pointer in that file's terms; else in the main document, as any other.
/// </summary>
internal static partial class ReaderErrors
{
    /// <summary>An error the reader gave reading a bundled document.</summary>
    public static Diagnostic From(DocumentPlaces places, OpenApiError error, IReadOnlyList<Origin> origins, Func<PartFile, DocumentPlaces> parts)
    {
        var pointer = !string.IsNullOrEmpty(error.Pointer) && !error.Pointer.StartsWith("#line=", StringComparison.Ordinal) ? error.Pointer
            : UnknownProperty().Match(error.Message.TrimEnd('.')) is { Success: true } unknown ? unknown.Groups[2].Value : null;
        foreach (var (origin, rest) in pointer is null ? [] : Inside(origins, pointer))
        {
            var translated = $"#{origin.Pointer}{rest}";
            translated = translated == "#" ? "#/" : translated;
            var moved = new OpenApiError(string.IsNullOrEmpty(error.Pointer) ? error.Pointer : translated, error.Message.Replace(pointer!, translated, StringComparison.Ordinal));
            var found = From(parts(origin.File), moved);
            if (found.Location is not { Line: 1, Column: 1 })
            {
                return found;
            }
        }

        return From(places, error);
    }

    /// <summary>
    /// An exception the reader threw reading a bundled document: placed in the first file (the main document, then each
    /// file referred to) where it has a place (a number too large, a value it could not convert).
    /// </summary>
    public static IReadOnlyList<Diagnostic> From(DocumentPlaces places, Exception exception, IReadOnlyList<Origin> origins, Func<PartFile, DocumentPlaces> parts)
    {
        var main = From(places, exception);
        foreach (var file in main.All(d => d.Location is { Line: 1, Column: 1 }) ? origins.Select(o => o.File).Distinct() : [])
        {
            var found = From(parts(file), exception);
            if (found.Any(d => d.Location is not { Line: 1, Column: 1 }))
            {
                return found;
            }
        }

        return main;
    }

    /// <summary>
    /// The origins <paramref name="pointer"/> leads into, the deepest first, each with the rest of the pointer inside it;
    /// also those of a list's item where the reader left the index out.
    /// </summary>
    private static IEnumerable<(Origin Origin, string Remainder)> Inside(IReadOnlyList<Origin> origins, string pointer)
    {
        var at = pointer.TrimStart('#');
        foreach (var origin in origins.OrderByDescending(o => o.At.Length))
        {
            if (Under(at, origin.At) is { } rest)
            {
                yield return (origin, rest);
            }
            else if (Indexed().Match(origin.At) is { Success: true } item && Under(at, item.Groups[1].Value) is { } inItem)
            {
                yield return (origin, inItem);
            }
        }
    }

    private static string? Under(string pointer, string prefix) =>
        pointer == prefix ? string.Empty : pointer.StartsWith(prefix + "/", StringComparison.Ordinal) ? pointer[prefix.Length..] : null;

    [GeneratedRegex(@"^(.*)/\d+$")]
    private static partial Regex Indexed();
}
