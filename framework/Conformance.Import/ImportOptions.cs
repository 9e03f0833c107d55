using System.Text.RegularExpressions;
using Conformance.Diagnostics;

namespace Conformance.Import;

/// <summary>What to import and where: <c>&lt;openapi file&gt; --name &lt;api&gt; [--out &lt;folder&gt;] [--force]</c>.</summary>
internal sealed partial record ImportOptions(string Source, string Name, string Output, bool Force)
{
    public const string Usage = "conformance-import <openapi.json|openapi.yaml> --name <api> [--out <folder>] [--force]";

    /// <summary>The options, or every problem with the arguments (none when the options are set).</summary>
    public static (ImportOptions? Options, IReadOnlyList<Diagnostic> Errors) Parse(IReadOnlyList<string> args, string contractsRoot)
    {
        string? source = null, name = null, output = null;
        var force = false;
        var errors = new List<Diagnostic>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--name" or "--out" when i + 1 >= args.Count:
                    errors.Add(Error($"{args[i]} has no value", $"{args[i]} takes a value"));
                    break;
                case "--name":
                    name = args[++i];
                    break;
                case "--out":
                    output = args[++i];
                    break;
                case "--force":
                    force = true;
                    break;
                case var other when other.StartsWith('-'):
                    errors.Add(Error($"'{other}' is not an option", "the options are --name, --out and --force", DidYouMean.Suffix(other, ["--name", "--out", "--force"])));
                    break;
                case var file when source is null:
                    source = file;
                    break;
                case var extra:
                    errors.Add(Error($"'{extra}' is a second document", "one OpenAPI document is imported at a time"));
                    break;
            }
        }

        if (source is null)
        {
            errors.Add(Error("no OpenAPI document named", "the first argument is the document to import"));
        }
        else if (Directory.Exists(source))
        {
            errors.Add(Error($"'{source}' is a folder", "the first argument is the OpenAPI document itself (a .json or .yaml file), not the folder holding it"));
        }
        else if (!File.Exists(source))
        {
            errors.Add(Error($"'{source}' does not exist", "the document is read from that path"));
        }
        else if (Files.PlainFile.NotRegular(source) is { } kind)
        {
            // /dev/zero ended the importer with "Out of memory."; a pipe held it until a writer came.
            errors.Add(Error($"'{source}' is {kind}, not a regular file", "the document is read whole, which would never end or wait for a writer"));
        }
        else if (new FileInfo(source).Length > Bundling.PartFiles.MaxBytes)
        {
            errors.Add(Error($"'{source}' holds more than {Bundling.PartFiles.MaxBytes >> 20} MiB", $"the importer reads at most {Bundling.PartFiles.MaxBytes >> 20} MiB for one document, the files it refers to included"));
        }

        if (name is null)
        {
            errors.Add(Error("--name is missing", "the pack needs a name (its folder, its settings prefix)"));
        }
        else if (!PackName().IsMatch(name))
        {
            errors.Add(Error($"--name '{name}' is not a pack name", "a pack name is lower-case letters, digits and '_' ('stripe', 'notes_v2'), so CONFORMANCE_<NAME>_BASEURL is a usable variable"));
        }

        output ??= name is null ? null : Path.Combine(contractsRoot, name);
        if (output is not null && name is not null && Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(output))) != name)
        {
            errors.Add(Error($"--out '{output}' is not a folder named '{name}'", "a pack's folder name is its name (filters, settings keys and reports use it)"));
        }

        if (output is not null && FileOnTheWay(output) is { } blocking)
        {
            errors.Add(Error($"--out '{output}' cannot be a folder, '{blocking}' is a file", "a pack is a folder of files"));
        }
        else if (output is not null && !force && Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            errors.Add(new Diagnostic(ErrorCodes.InvalidImportOption.Code, new SourceLocation("arguments", 1, 1), $"'{output}' already has files", "an import never overwrites a pack unless told to (--force)",
                $"Add --force to write the pack over it (the files the import writes are replaced, any others stay), or name a new or empty folder with --out. Usage: {Usage}"));
        }

        return errors.Count > 0 ? (null, errors) : (new ImportOptions(source!, name!, output!, force), errors);
    }

    /// <summary>The output path itself or the first of its parents that is a file (no folder can be made there), else null.</summary>
    private static string? FileOnTheWay(string output)
    {
        for (var path = Path.GetFullPath(output); !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                return path == Path.GetFullPath(output) ? output : path;
            }
        }

        return null;
    }

    /// <summary>
    /// A CT0402 for an --out the pack could not be written to after all (no permission, a full disk, a path too long):
    /// the options were right, so the fix is about the file system, not about them.
    /// </summary>
    public static Diagnostic Unwritable(string output, string reason) =>
        new(
            ErrorCodes.InvalidImportOption.Code,
            new SourceLocation("arguments", 1, 1),
            $"the pack could not be written to '{output}' ({reason.TrimEnd('.')})",
            "the file system refused a file of the pack",
            "Check that the disk has room, that the folder and its files may be written and that the path in the reason above is one the file system takes (not too long, no file where a folder goes), then run the import again.");

    private static Diagnostic Error(string what, string why, string suggestion = "") =>
        new(ErrorCodes.InvalidImportOption.Code, new SourceLocation("arguments", 1, 1), what, why, $"{ErrorCodes.InvalidImportOption.Fix} Usage: {Usage}{suggestion}");

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex PackName();
}
