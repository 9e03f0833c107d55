namespace Conformance.Targets;

/// <summary>Which requests change a target: the rows, the operations and the pact interactions all ask here.</summary>
public static class Mutation
{
    private static readonly string[] Methods = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>True for POST, PUT, PATCH and DELETE (any case).</summary>
    public static bool IsMutating(string method) => Methods.Contains(method, StringComparer.OrdinalIgnoreCase);
}
