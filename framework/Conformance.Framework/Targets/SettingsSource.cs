namespace Conformance.Targets;

/// <summary>
/// Reads a setting from the environment first (CONFORMANCE_&lt;API&gt;_&lt;KEY&gt;, so CI secrets never sit in files),
/// then from runsettings TestRunParameters (&lt;api&gt;.&lt;key&gt;).
/// </summary>
public sealed class SettingsSource(Func<string, string?> runParameters, Func<string, string?>? environment = null)
{
    private readonly Func<string, string?> environment = environment ?? Environment.GetEnvironmentVariable;

    public string? Get(string scope, string key)
    {
        var envName = $"CONFORMANCE_{scope.Replace('.', '_').ToUpperInvariant()}_{key.ToUpperInvariant()}";
        var fromEnv = environment(envName);
        return !string.IsNullOrWhiteSpace(fromEnv) ? fromEnv : Blank(runParameters($"{scope}.{key}"));
    }

    /// <summary>The name a setting has in runsettings, for error messages.</summary>
    public static string Describe(string scope, string key) =>
        $"{scope}.{key} (or CONFORMANCE_{scope.Replace('.', '_').ToUpperInvariant()}_{key.ToUpperInvariant()})";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
