using System.Buffers;
using System.Globalization;

namespace Conformance.Trx;

/// <summary>The TRX file-name rules: the default name, what <c>--report-trx-filename</c> accepts, no overwriting.</summary>
internal static class TrxFileNames
{
    /// <summary>The extension every TRX file name ends with.</summary>
    public const string Extension = ".trx";

    private static readonly SearchValues<char> Directory = SearchValues.Create("/\\");

    // Not allowed in file names on Windows; refused everywhere so a command works on every machine.
    private static readonly SearchValues<char> NotAllowed = SearchValues.Create(":*?\"<>|");

    /// <summary>The default name: <c>&lt;assembly name&gt;_&lt;yyyyMMddHHmmss&gt;.trx</c>, time in UTC.</summary>
    public static string Default(string assemblyName, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{assemblyName}_{now.UtcDateTime:yyyyMMddHHmmss}{Extension}");

    /// <summary>Null when <paramref name="fileName"/> is a plain file name ending in <c>.trx</c>, else what is wrong and how to fix it.</summary>
    public static string? Validate(string fileName)
    {
        if (fileName.AsSpan().ContainsAny(Directory))
        {
            return $"--report-trx-filename '{fileName}' must be a file name without a directory; choose the folder with --results-directory.";
        }

        if (fileName.AsSpan().ContainsAny(NotAllowed) || fileName.Any(char.IsControl))
        {
            return $"--report-trx-filename '{fileName}' contains a character that is not allowed in file names (: * ? \" < > | or a control character).";
        }

        var stem = fileName.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? fileName[..^Extension.Length] : null;
        return string.IsNullOrWhiteSpace(stem)
            ? $"--report-trx-filename '{fileName}' must be a file name ending in '{Extension}', for example: results.trx."
            : null;
    }

    /// <summary>
    /// The full path for <paramref name="fileName"/> in <paramref name="directory"/>; when that file exists, the first free
    /// <c>&lt;name&gt;_1.trx</c>, <c>&lt;name&gt;_2.trx</c>, ... instead (an existing file or folder is never overwritten).
    /// </summary>
    public static string Unique(string directory, string fileName, Func<string, bool> exists)
    {
        var path = Path.GetFullPath(Path.Combine(directory, fileName));
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var extension = Path.GetExtension(fileName);
        for (var suffix = 1; exists(path); suffix++)
        {
            path = Path.GetFullPath(Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{stem}_{suffix}{extension}")));
        }

        return path;
    }
}
