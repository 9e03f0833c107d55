using Conformance.Contracts;
using Conformance.Diagnostics;
using Conformance.Engine;
using Conformance.Targets;

namespace Conformance.Import;

/// <summary>
/// The importer end to end: options, document, draft, files, then the drafted pack loaded by the framework's own
/// <see cref="PackLoader"/> so that what it would flag is shown now. Exit code 0: written and loads cleanly;
/// 1: written, with the loader's diagnostics printed; 2: not written (CT04xx on standard error; a write that failed
/// partway over an existing folder lists the files it wrote).
/// </summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        var root = Root();
        var (options, problems) = ImportOptions.Parse(args, Path.Combine(root, "contracts"));
        if (options is null)
        {
            return await FailAsync(errors, problems.Select(p => p.ToString())).ConfigureAwait(false);
        }

        var displayPath = Path.GetRelativePath(root, Path.GetFullPath(options.Source));
        var (document, unreadable, readerNotes) = await OpenApiSource.LoadAsync(options.Source, displayPath).ConfigureAwait(false);
        if (document is null)
        {
            return await FailAsync(errors, unreadable.Select(p => p.ToString())).ConfigureAwait(false);
        }

        PackDraft draft;
        try
        {
            draft = DraftBuilder.Build(document, options.Name, Path.GetFileName(options.Source), new DocumentPlaces(options.Source, displayPath));
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            // A document the importer does not handle yet: one error and nothing written, not a stack trace.
            return await FailAsync(errors, [Unhandled(displayPath, e).ToString()]).ConfigureAwait(false);
        }

        var made = PartialWrite.Outermost(options.Output);
        var files = new List<string>();
        try
        {
            PackWriter.Write(draft, options.Output, files);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full disk or a folder where a file goes, partway: what this run made goes again, else the message lists it.
            return await FailAsync(errors, [ImportOptions.Unwritable(options.Output, e.Message).ToString()], PartialWrite.Undo(made, options.Output, files, PackWriter.Files(draft))).ConfigureAwait(false);
        }

        var loaded = PackLoader.Load(options.Output, root);
        await output.WriteLineAsync($"Drafted pack '{draft.Name}' in {options.Output}: {draft.Operations.Count} operation(s), {draft.Rows.Count} row(s), {draft.SchemaFiles.Count} schema file(s), {files.Count} file(s) written.").ConfigureAwait(false);
        foreach (var warning in draft.Warnings)
        {
            await output.WriteLineAsync(warning).ConfigureAwait(false);
        }

        foreach (var note in readerNotes.Concat(draft.Notes))
        {
            await output.WriteLineAsync($"note: {note}").ConfigureAwait(false);
        }

        if (draft.Rows.Count == 0 && File.Exists(Path.Combine(options.Output, "tables", "status.yaml")))
        {
            await output.WriteLineAsync("note: tables/status.yaml is not this draft's (it has no row) and was left as it is: check its rows against the operations now in api.yaml").ConfigureAwait(false);
        }

        foreach (var entry in loaded.Invalid)
        {
            await output.WriteLineAsync(entry.Message).ConfigureAwait(false);
        }

        await output.WriteLineAsync(loaded.Invalid.Count == 0
            ? $"The pack loads cleanly: {loaded.Rows.Count} case(s). Review the samples and rows, {NextStep(draft.Name, options.Output, root)}"
            : $"The pack loads with {loaded.Invalid.Count} invalid entr{(loaded.Invalid.Count == 1 ? "y" : "ies")} (above); each would be one failing case until fixed.").ConfigureAwait(false);
        return loaded.Invalid.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// A command that runs the draft: the suites read packs from contracts/, and send a pack without a base URL to the
    /// embedded reference API, which hosts only the shipped packs (CT0301), so the base URL is part of it.
    /// </summary>
    private static string NextStep(string name, string output, string root)
    {
        var move = Path.GetFullPath(output) == Path.GetFullPath(Path.Combine(root, "contracts", name)) ? string.Empty : $"move the folder to contracts/{name}/ (the suites read packs there), ";
        return $"{move}then run it against the API (the embedded reference API hosts only the shipped packs): {SettingsSource.EnvironmentName(name, "baseUrl")}=<its base URL> dotnet test suites --filter Category={name}";
    }

    /// <summary>The repository the command runs in (contracts/ is the default output), else the current folder.</summary>
    private static string Root()
    {
        try
        {
            return RepoPaths.Root(Directory.GetCurrentDirectory());
        }
        catch (DirectoryNotFoundException)
        {
            return Directory.GetCurrentDirectory();
        }
    }

    /// <summary>CT0401 for an exception while drafting: the document read, but something in it is not handled.</summary>
    internal static Diagnostic Unhandled(string displayPath, Exception e)
    {
        var frame = new System.Diagnostics.StackTrace(e).GetFrames().Select(f => f.GetMethod()).FirstOrDefault(m => m?.DeclaringType?.Namespace == typeof(ImportCommand).Namespace);
        var where = frame is null ? string.Empty : $", in {frame.DeclaringType!.Name}.{frame.Name}";
        return new(
            ErrorCodes.OpenApiUnreadable.Code,
            SourceLocation.FileStart(displayPath),
            $"the document was read, but drafting a pack from it failed ({e.GetType().Name}: {e.Message.TrimEnd('.')}{where})",
            "something in the document is not handled by the importer: an error of the importer's own, not of the document",
            "Report it with the document (or the smallest part of it that fails); meanwhile leave out the operation or schema it names, or write the pack by hand (docs/pack-format.md).");
    }

    private static async Task<int> FailAsync(TextWriter errors, IEnumerable<string> lines, string last = PartialWrite.Nothing)
    {
        foreach (var line in lines)
        {
            await errors.WriteLineAsync(line).ConfigureAwait(false);
        }

        await errors.WriteLineAsync(last).ConfigureAwait(false);
        return 2;
    }
}
