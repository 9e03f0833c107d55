using System.Text.Json;
using Conformance.Schema.Json;

namespace Conformance.Checks;

/// <summary>The first object of a JSON value that names a member twice, for <see cref="ParsedBody.DuplicateName"/>.</summary>
internal static class DuplicateNames
{
    /// <summary>
    /// <c>the name "code" twice in the object at /error</c> for the first such object in document order, or null when every
    /// object's names are unique. The value was parsed with <see cref="ParsedBody.MaxDepth"/>, which bounds the recursion.
    /// </summary>
    public static string? First(JsonElement value, string pointer = "")
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var element in value.EnumerateArray())
            {
                if (First(element, $"{pointer}/{index++}") is { } found)
                {
                    return found;
                }
            }
        }
        else if (value.ValueKind == JsonValueKind.Object)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in value.EnumerateObject())
            {
                if (!names.Add(property.Name))
                {
                    return $"the name {ValueText.Quote(property.Name)} twice in the object at {(pointer.Length == 0 ? "(root)" : pointer)}";
                }
            }

            foreach (var property in value.EnumerateObject())
            {
                if (First(property.Value, $"{pointer}/{JsonPointer.Escape(property.Name)}") is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
