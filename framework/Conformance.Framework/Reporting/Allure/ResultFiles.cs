using System.Collections.Concurrent;
using Conformance.Files;

namespace Conformance.Reporting.Allure;

/// <summary>
/// Opens the files of a run's results, reusing an earlier run's files (set aside beside the results folder) before
/// creating new ones: a reused file is renamed to its new name and overwritten in place, so a run into the same folder
/// allocates no inode and leaves nothing to delete but the surplus. On ext4 without a journal, creating files shortly
/// after many were deleted scans past every recently freed inode (`recently_deleted`); a second run into the same
/// folder spent 1.3-1.4 s more CPU in its writer at 10,000 rows for it (bench/README.md, item 18).
/// </summary>
internal sealed class ResultFiles
{
    private const int BufferSize = 16 * 1024;
    private readonly ConcurrentStack<string> spare;
    private readonly Func<string, bool> reusable;

    /// <param name="spareFiles">The earlier run's files, set aside.</param>
    /// <param name="reusable">Whether a spare may be overwritten in place; by default a regular file with a single name (<see cref="PlainFile"/>).</param>
    public ResultFiles(IEnumerable<string> spareFiles, Func<string, bool>? reusable = null)
    {
        spare = new ConcurrentStack<string>(spareFiles);
        this.reusable = reusable ?? PlainFile.IsSingle;
    }

    /// <summary>Files of the earlier run not reused so far.</summary>
    public int Spare => spare.Count;

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, a name no file has yet.</summary>
    public void Write(string path, Action<Stream> content)
    {
        var reused = TakeSpare(path);

        // A new file is created with CreateNew, which never truncates: FileMode.Create truncates (.NET calls ftruncate
        // after locking), and ext4 then writes a file truncated to zero back on close (auto_da_alloc), a block device
        // write per file. A reused file is shortened after the write instead, never to zero (bench/README.md, item 14).
        using var stream = reused ? OpenReused(path, out reused) : New(path);
        content(stream);
        if (reused)
        {
            stream.Flush();
            stream.SetLength(stream.Position);
        }
    }

    private static FileStream New(string path) => new(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, BufferSize);

    /// <summary>Opens a renamed spare for writing; one that cannot be opened (read-only, a dangling link) is replaced by a new file.</summary>
    private static FileStream OpenReused(string path, out bool reused)
    {
        try
        {
            reused = true;
            return new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, BufferSize);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(path);
            reused = false;
            return New(path);
        }
    }

    private bool TakeSpare(string path)
    {
        while (spare.TryPop(out var file))
        {
            if (!reusable(file))
            {
                continue;
            }

            try
            {
                File.Move(file, path);
                return true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone or not movable: try the next one, then a new file.
            }
        }

        return false;
    }
}
