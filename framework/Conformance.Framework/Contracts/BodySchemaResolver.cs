using Conformance.Tables;

namespace Conformance.Contracts;

/// <summary>Which schema a response body must meet: the row's own, else the operation's for 2xx, else api.yaml's errors by status.</summary>
public static class BodySchemaResolver
{
    public static string? Resolve(ApiPack pack, StatusRow row, int status)
    {
        if (row.SchemaExplicitlyNone)
        {
            return null;
        }

        if (row.Schema is not null && row.Expected.Contains(status))
        {
            return row.Schema;
        }

        if (status is >= 200 and < 300 && pack.Operations.TryGetValue(row.OperationId, out var op) && op.Schema is not null && row.ScenarioId is "valid")
        {
            return op.Schema;
        }

        return pack.ErrorContractFor(status)?.Schema;
    }

    /// <summary>
    /// True when the body contract for <paramref name="status"/> is an <c>errors:</c> entry with <c>body: optional</c>:
    /// not a row's own schema (nor <c>schema: none</c>), not the operation's success schema.
    /// </summary>
    public static bool BodyOptional(ApiPack pack, StatusRow row, int status)
    {
        if (row.SchemaExplicitlyNone || (row.Schema is not null && row.Expected.Contains(status)))
        {
            return false;
        }

        var success = status is >= 200 and < 300 && pack.Operations.TryGetValue(row.OperationId, out var op) && op.Schema is not null && row.ScenarioId is "valid";
        return !success && pack.ErrorContractFor(status) is { BodyOptional: true, Schema: not null };
    }
}
