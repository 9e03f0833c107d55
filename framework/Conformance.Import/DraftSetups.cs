using System.Text.Json.Nodes;

namespace Conformance.Import;

/// <summary>A drafted <c>setup:</c>: the operation that creates what a delete removes, and where its answer holds the id.</summary>
internal sealed record DraftSetup(string Create, string Variable, string Pointer);

/// <summary>
/// Drafts a <c>setup:</c> for each DELETE of <c>/things/{id}</c> whose collection <c>/things</c> has a POST answering a
/// schema with the id (a property named as the path parameter, else <c>id</c>): each case then creates what it deletes
/// and the draft passes two nights running against a target that keeps its data (docs/pack-format.md), instead of
/// deleting the document's sample id, which is gone after the first.
/// </summary>
internal static class DraftSetups
{
    /// <summary>The delete operation's id -> its setup.</summary>
    public static Dictionary<string, DraftSetup> For(PackDraft draft, DraftVars vars)
    {
        var result = new Dictionary<string, DraftSetup>(StringComparer.Ordinal);
        foreach (var delete in draft.Operations.Where(o => string.Equals(o.Method, "DELETE", StringComparison.OrdinalIgnoreCase)))
        {
            var slash = delete.Path.LastIndexOf('/');
            var segment = delete.Path[(slash + 1)..];
            if (slash <= 0 || segment.Length < 3 || segment[0] != '{' || segment[^1] != '}' || !delete.Params.ContainsKey(segment[1..^1]))
            {
                continue;
            }

            var param = segment[1..^1];
            var create = draft.Operations.FirstOrDefault(o => string.Equals(o.Method, "POST", StringComparison.OrdinalIgnoreCase) && o.Path == delete.Path[..slash] && o.Schema is not null);
            if (create is null || !draft.SchemaFiles.TryGetValue(create.Schema!, out var schema) || schema["properties"] is not JsonObject properties)
            {
                continue;
            }

            var field = properties.ContainsKey(param) ? param : properties.ContainsKey("id") ? "id" : null;
            if (field is not null)
            {
                var written = vars.Params(delete)[param];
                result[delete.Id] = new DraftSetup(create.Id, written[2..^1], "/" + field.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
            }
        }

        return result;
    }
}
