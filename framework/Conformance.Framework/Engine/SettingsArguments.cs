namespace Conformance.Engine;

/// <summary>
/// The command line the suites run with: <c>--settings</c> as given, else the default settings file built into the
/// assembly (when it exists). <c>-s FILE</c>, VSTest's short form, is read as <c>--settings FILE</c>. The file is passed
/// on as a full path: the test platform restarts the app in another working directory to apply the file's environment
/// variables, where a relative path no longer resolves.
/// </summary>
public static class SettingsArguments
{
    /// <summary>The assembly metadata key that holds the default settings file's full path.</summary>
    public const string MetadataKey = "Conformance.DefaultRunSettings";

    private const string Option = "--settings";

    /// <summary>The file the last <c>--settings</c> (or <c>-s</c>) of <paramref name="args"/> names, else null.</summary>
    public static string? Named(IReadOnlyList<string> args)
    {
        string? file = null;
        for (var i = 0; i < args.Count; i++)
        {
            if ((args[i] == Option || args[i] == "-s") && i + 1 < args.Count)
            {
                file = args[++i];
            }
            else if (args[i].StartsWith(Option + "=", StringComparison.Ordinal) || args[i].StartsWith(Option + ":", StringComparison.Ordinal))
            {
                file = args[i][(Option.Length + 1)..];
            }
        }

        return file;
    }

    public static string[] WithDefault(IReadOnlyList<string> args, string? defaultFile, Func<string, bool> exists, Func<string, string>? fullPath = null)
    {
        fullPath ??= Path.GetFullPath;
        var result = new List<string>(args.Count + 2);
        var named = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if ((arg == Option || arg == "-s") && i + 1 < args.Count)
            {
                result.AddRange([Option, fullPath(args[++i])]);
                named = true;
            }
            else if (arg.StartsWith(Option + "=", StringComparison.Ordinal) || arg.StartsWith(Option + ":", StringComparison.Ordinal))
            {
                result.AddRange([Option, fullPath(arg[(Option.Length + 1)..])]);
                named = true;
            }
            else
            {
                named |= arg == Option || arg == "-s";
                result.Add(arg == "-s" ? Option : arg);
            }
        }

        if (!named && defaultFile is { Length: > 0 } && exists(defaultFile))
        {
            result.AddRange([Option, defaultFile]);
        }

        return [.. result];
    }
}
