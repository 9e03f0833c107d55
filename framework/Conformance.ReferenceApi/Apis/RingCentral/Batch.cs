using System.Text;
using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Pipeline;

namespace Conformance.ReferenceApi.Apis.RingCentral;

/// <summary>
/// A 207 Multi-Status batch read: multipart/mixed whose first part is a JSON array with one {"status": n}
/// per following part, in order (RingCentral "Batch Requests").
/// </summary>
internal static class Batch
{
    private const string Boundary = "Boundary_1_conformance_batch";

    public static Reply Respond(Call call, IReadOnlyList<string> ids, Func<string, JsonObject?> find)
    {
        var parts = ids.Select(id => find(id) is { } found
                ? (Status: 200, Body: found)
                : (Status: 404, Body: RingCentralErrors.Body("CMN-102", "Resource for parameter [extensionId] is not found", "extensionId")))
            .ToList();
        JsonNode first = new JsonArray([.. parts.Select(p => (JsonNode)new JsonObject { ["status"] = p.Status })]);
        if (call.Has(Faults.BadBatch207))
        {
            first = parts[0].Body.DeepClone();
        }

        var text = new StringBuilder();
        foreach (var part in parts.Select(p => p.Body).Prepend(first))
        {
            text.Append("--").Append(Boundary).Append("\r\n")
                .Append("Content-Type: application/json\r\n\r\n")
                .Append(part.ToJsonString()).Append("\r\n");
        }

        text.Append("--").Append(Boundary).Append("--\r\n");
        return new Reply(207) { Text = text.ToString(), ContentType = $"multipart/mixed; boundary={Boundary}" };
    }
}
