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
}
