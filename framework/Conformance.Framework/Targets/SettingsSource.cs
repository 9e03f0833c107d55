using Conformance.Diagnostics;

namespace Conformance.Targets;

/// <summary>
/// Reads a setting from the environment first (CONFORMANCE_&lt;API&gt;_&lt;KEY&gt;, so CI secrets never sit in files),
/// then from runsettings TestRunParameters (&lt;api&gt;.&lt;key&gt;).
/// </summary>
public sealed class SettingsSource(
    Func<string, string?> runParameters,
    Func<string, string?>? environment = null,
    Func<IEnumerable<string>>? runParameterNames = null,
    Func<IEnumerable<string>>? environmentNames = null)
{
    private readonly Func<string, string?> environment = environment ?? Environment.GetEnvironmentVariable;

    // The process environment's names only when its values are read too (a source given values reads no real names).
    private readonly Func<IEnumerable<string>> environmentNames = environmentNames
        ?? (environment is null ? () => Environment.GetEnvironmentVariables().Keys.Cast<string>() : () => []);

    private readonly Func<IEnumerable<string>> runParameterNames = runParameterNames ?? (() => []);

    /// <summary>The run's command line: its runsettings file (<c>--settings</c>) and <c>--test-parameter</c> pairs, which <see cref="RunParameters"/> checks.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The names of the environment variables, for <see cref="SettingNames.Unknown"/>.</summary>
    public IEnumerable<string> EnvironmentNames() => environmentNames();

    /// <summary>The names of the runsettings parameters, for <see cref="SettingNames.Unknown"/>.</summary>
    public IEnumerable<string> RunParameterNames() => runParameterNames();

    /// <summary>True when the environment variable exists with an empty or blank value (a CI variable that was never defined).</summary>
    public bool IsBlankInEnvironment(string name) => environment(name) is { } value && string.IsNullOrWhiteSpace(value);

    public string? Get(string scope, string key)
    {
        var fromEnv = environment(EnvironmentName(scope, key));
        return !string.IsNullOrWhiteSpace(fromEnv) ? fromEnv : Blank(runParameters($"{scope}.{key}"));
    }

    /// <summary>
    /// <paramref name="error"/> placed where its setting's value came from: a <c>runsettings:&lt;scope&gt;.&lt;key&gt;</c>
    /// location becomes <c>environment:CONFORMANCE_&lt;SCOPE&gt;_&lt;KEY&gt;</c> when that variable set it (it wins over the
    /// file, which may not have the parameter at all); any other location is kept.
    /// </summary>
    public Diagnostic FromItsOrigin(Diagnostic error)
    {
        const string prefix = "runsettings:";
        var path = error.Location.Path;
        var dot = path.LastIndexOf('.');
        if (!path.StartsWith(prefix, StringComparison.Ordinal) || dot <= prefix.Length)
        {
            return error;
        }

        var name = EnvironmentName(path[prefix.Length..dot], path[(dot + 1)..]);
        return string.IsNullOrWhiteSpace(environment(name)) ? error : error with { Location = error.Location with { Path = $"environment:{name}" } };
    }

    /// <summary>The name a setting has in runsettings, for error messages.</summary>
    public static string Describe(string scope, string key) => $"{scope}.{key} (or {EnvironmentName(scope, key)})";

    /// <summary>The environment variable of a setting: <c>notes.var</c> + <c>customer_id</c> -> <c>CONFORMANCE_NOTES_VAR_CUSTOMER_ID</c>.</summary>
    public static string EnvironmentName(string scope, string key) =>
        $"CONFORMANCE_{scope.Replace('.', '_').ToUpperInvariant()}_{key.ToUpperInvariant()}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
