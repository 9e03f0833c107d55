namespace Conformance.Import;

/// <summary>
/// The last line of a write that failed partway (a full disk, a folder where a file goes), said truly: the folders this
/// import made are removed again, and then nothing was written; over a folder that was there (<c>--force</c>), whose
/// earlier files the written ones replaced, the files written before the failure are listed.
/// </summary>
internal static class PartialWrite
{
    public const string Nothing = "Nothing was written.";

    private const int Shown = 10;

    /// <summary>The outermost of <paramref name="folder"/> and its parents that does not exist yet (what writing there makes), else null.</summary>
    public static string? Outermost(string folder)
    {
        string? missing = null;
        for (var dir = Path.GetFullPath(folder); dir is not null && !Directory.Exists(dir) && !File.Exists(dir); dir = Path.GetDirectoryName(dir))
        {
            missing = dir;
        }

        return missing;
    }

    /// <summary>Removes <paramref name="made"/> (if not null) and says what is left of <paramref name="all"/>, the draft's files.</summary>
    public static string Undo(string? made, string folder, IReadOnlyList<string> written, IReadOnlyList<string> all)
    {
        var left = string.Empty;
        if (made is not null)
        {
            try
            {
                if (Directory.Exists(made))
                {
                    Directory.Delete(made, recursive: true);
                }

                return Nothing;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                left = $"; the folder '{made}' this import made could not be removed ({e.Message.TrimEnd('.')})";
            }
        }

        if (written.Count == 0)
        {
            return left.Length == 0 ? Nothing : $"No file was written{left}.";
        }

        var names = string.Join(", ", written.Take(Shown)) + (written.Count > Shown ? $" and {written.Count - Shown} more" : string.Empty);
        var rest = all.Count - written.Count;
        var notWritten = rest == 1 ? $"{all[written.Count]} was not" : $"the other {rest} were not";
        return $"Written before the failure: {names} ({written.Count} of {all.Count} files; {notWritten}{left}). The pack in '{folder}' is incomplete: fix the cause, then run the import again with --force.";
    }
}
