using System.Globalization;
using System.Text;

namespace Conformance.Files;

/// <summary>
/// What a file read whole is, and why one is refused: <paramref name="Plural"/> names the kind in the refusal ("a pack's
/// files", "pact files"), <paramref name="Limit"/> says what the size limit stands for.
/// </summary>
internal sealed record FileKind(string Plural, string Limit)
{
    public static FileKind Pack { get; } = new("a pack's files", "the most a pack file may hold (a status table of several hundred thousand rows)");

    public static FileKind Pact { get; } = new("pact files", "the most a pact file may hold (tens of thousands of interactions)");

    public static FileKind Certificate { get; } = new("certificate files", "far more than any certificate or key file holds");

    public static FileKind Scorecard { get; } = new("scorecards", "the most a previous scorecard may hold (hundreds of thousands of cases)");
}

/// <summary>
/// A file read whole only when it is a regular file of at most <see cref="MaxBytes"/>: a file that was a symbolic link to
/// /dev/zero was read until the process ran out of memory, and a pipe (FIFO) held the reader until a writer came, which
/// none does. Everything a run reads whole from a path someone configured goes through here.
/// </summary>
internal static class WholeFile
{
    /// <summary>The most a file read whole may hold: 64 MiB.</summary>
    public const int MaxBytes = 64 << 20;

    /// <summary>
    /// Refuses <paramref name="path"/> unread when it is no regular file or larger than <see cref="MaxBytes"/>, for a
    /// reader that opens the file itself (a certificate loader); a path that does not exist is left to that reader.
    /// </summary>
    /// <exception cref="FileRefused">The file is no regular file, or larger than <see cref="MaxBytes"/>.</exception>
    public static void Check(string path, FileKind kind)
    {
        RefuseNotRegular(path, kind);
        if (File.Exists(path) && new FileInfo(path).Length > MaxBytes)
        {
            throw new FileRefused(TooLarge(kind));
        }
    }

    /// <exception cref="FileRefused">The file is no regular file, or larger than <see cref="MaxBytes"/>.</exception>
    public static byte[] Bytes(string path, FileKind kind)
    {
        RefuseNotRegular(path, kind);
        using var stream = File.OpenRead(path);
        if (stream.Length > MaxBytes)
        {
            throw new FileRefused(TooLarge(kind)); // known before a byte is read; the loop below holds a file that grows meanwhile
        }

        var bytes = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, MaxBytes + 1L - bytes.Length))) > 0)
        {
            bytes.Write(buffer, 0, read);
            if (bytes.Length > MaxBytes)
            {
                throw new FileRefused(TooLarge(kind));
            }
        }

        return bytes.ToArray();
    }

    /// <summary>The file's text as <see cref="File.ReadAllText(string)"/> reads it: UTF-8, or what its byte order mark says.</summary>
    /// <exception cref="FileRefused">The file is no regular file, or larger than <see cref="MaxBytes"/>.</exception>
    public static string Text(string path, FileKind kind) => Decode(Bytes(path, kind), out _);

    /// <summary>The text of <paramref name="bytes"/> (UTF-8, or what a byte order mark says) and the encoding it was read with.</summary>
    public static string Decode(byte[] bytes, out Encoding encoding)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        encoding = reader.CurrentEncoding;
        return text;
    }

    private static void RefuseNotRegular(string path, FileKind kind)
    {
        if (PlainFile.NotRegular(path) is { } what)
        {
            throw new FileRefused($"it is {what}, not a regular file, and {kind.Plural} are read whole");
        }
    }

    private static string TooLarge(FileKind kind) =>
        $"it holds more than {(MaxBytes >> 20).ToString(CultureInfo.InvariantCulture)} MiB, {kind.Limit}";
}

/// <summary>A file refused before or while it is read whole (<see cref="WholeFile"/>); its message says why.</summary>
internal sealed class FileRefused(string message) : IOException(message);
