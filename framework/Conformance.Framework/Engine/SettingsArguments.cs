namespace Conformance.Engine;

/// <summary>
/// The command line the suites run with: <c>--settings</c> as given, else the default settings file built into the
/// assembly (when it exists). <c>-s FILE</c>, VSTest's short form, is read as <c>--settings FILE</c>.
/// </summary>
public static class SettingsArguments
{
    /// <summary>The assembly metadata key that holds the default settings file's full path.</summary>
    public const string MetadataKey = "Conformance.DefaultRunSettings";

    public static string[] WithDefault(IReadOnlyList<string> args, string? defaultFile, Func<string, bool> exists)
    {
        var result = args.Select(a => a == "-s" ? "--settings" : a).ToList();
        var named = result.Any(a => a == "--settings" || a.StartsWith("--settings=", StringComparison.Ordinal) || a.StartsWith("--settings:", StringComparison.Ordinal));
        if (!named && defaultFile is { Length: > 0 } && exists(defaultFile))
        {
            result.AddRange(["--settings", defaultFile]);
        }

        return [.. result];
    }
}
