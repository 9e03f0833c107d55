namespace Conformance.Targets;

/// <summary>Which requests change a target: the rows, the operations and the pact interactions all ask here.</summary>
public static class Mutation
{
    private static readonly string[] Methods = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>The methods a transport retry may send again (RFC 9110 9.2.1's safe ones the probe client sends).</summary>
    internal static IReadOnlyList<string> Repeatable { get; } = ["GET", "HEAD", "OPTIONS"];

    /// <summary>True for POST, PUT, PATCH and DELETE (any case).</summary>
    public static bool IsMutating(string method) => Methods.Contains(method, StringComparer.OrdinalIgnoreCase);

    /// <summary>Why <paramref name="method"/> may not be sent to the target, or null when it may (the sender and a dry run say the same).</summary>
    public static string? Refusal(string method, TargetOptions target) =>
        !target.AllowMutation && IsMutating(method) ? $"{method} would mutate {target.BaseUrl.Host}, and {target.Api}.allowMutation is not true" : null;

    /// <summary>How to let a refused mutation through, after a skip that names the setting (a row's, a pact interaction's, a provider state's).</summary>
    public static string Hint(string api) =>
        $"; to send it, set {api}.allowMutation=true (or {SettingsSource.EnvironmentName(api, "allowMutation")}=true) where the run may change the target's data";
}
