using Conformance.Checks;
using Conformance.Contracts;
using Conformance.Probing;
using Conformance.Tables;

namespace Conformance.Engine;

/// <summary>
/// Whether a cleanup's answer says the resource is already gone (the probe removed it): 404 or 410, or what the pack's
/// own <c>unknown_id</c> rows of the cleanup operation expect, status and body values alike (fonedynamics answers an
/// address already deleted with <c>400</c> and <c>ErrorCode: ADDRESS_NOT_FOUND</c>; another 400 is still a failure).
/// </summary>
internal static class CleanupGone
{
    private static readonly BodyValueConformanceCheck BodyValues = new();

    /// <summary>
    /// The rows that say what the cleanup operation answers for an id that does not exist, beyond 404/410 (which pass
    /// anyway): none for most APIs.
    /// </summary>
    public static IReadOnlyList<StatusRow> RowsFor(IEnumerable<StatusRow> rows, string cleanupOp) =>
        [.. rows.Where(r => r.OperationId == cleanupOp && r.ScenarioId == "unknown_id" && r.Skip is null && r.Known is null && r.Expected.Any(s => s is not (404 or 410)))];

    /// <summary>True when one of the <paramref name="gone"/> rows expects the answer's status and its body values hold.</summary>
    public static bool Matches(ApiPack pack, IReadOnlyList<StatusRow> gone, ProbeRequest request, ProbeResponse response)
    {
        if (gone.Count == 0)
        {
            return false;
        }

        var body = ParsedBody.From(response);
        return gone.Any(row => row.Expected.Contains(response.Status)
            && BodyValues.Evaluate(new CheckContext(pack, row, request, response, body, null, null)).Outcome != Outcome.Failed);
    }
}
