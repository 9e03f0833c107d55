using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Conformance.Diagnostics;

namespace Conformance.Contracts;

/// <summary>
/// A pack file's text as .NET reads it (UTF-8, or what its byte order mark says), and CT0126 where a file without a
/// UTF-16/32 mark is not valid UTF-8: a table saved as Latin-1 or Windows-1252 reads its <c>é</c> as U+FFFD, so a
/// description, a body value or a regex would silently differ from what its author wrote. The rows still load.
/// </summary>
internal static class Utf8Text
{
    /// <summary>The most a pack file may hold: 64 MiB, several hundred thousand rows; a larger one is refused unread.</summary>
    public const int MaxBytes = 64 << 20;

    /// <exception cref="PackFileRefused">The file is no regular file, or larger than <see cref="MaxBytes"/>.</exception>
    public static string Read(string file, string displayPath, DiagnosticBag bag)
    {
        var bytes = Bounded(file);
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        if (Equals(reader.CurrentEncoding, Encoding.UTF8) && FirstInvalid(bytes) is var (line, column, value))
        {
            bag.Error(ErrorCodes.NotUtf8, new SourceLocation(displayPath, line, column),
                $"Byte 0x{value.ToString("X2", CultureInfo.InvariantCulture)} in {displayPath} is not UTF-8",
                "a pack's files are read as UTF-8, so it was read as the replacement character and the text around it is not what the file says (saved as Latin-1 or Windows-1252?)");
        }

        return text;
    }

    /// <summary>
    /// The file's bytes, read only when it is a regular file and at most <see cref="MaxBytes"/> long. A table that was a
    /// symbolic link to /dev/zero was read until the process ran out of memory and its whole pack was lost; a pipe would
    /// have held discovery forever.
    /// </summary>
    private static byte[] Bounded(string file)
    {
        if (Files.PlainFile.NotRegular(file) is { } kind)
        {
            throw new PackFileRefused($"it is {kind}, not a regular file, and a pack's files are read whole");
        }

        using var stream = File.OpenRead(file);
        var tooLarge = $"it holds more than {MaxBytes >> 20} MiB, the most a pack file may hold (a status table of several hundred thousand rows)";
        if (stream.Length > MaxBytes)
        {
            throw new PackFileRefused(tooLarge); // known before a byte is read; the loop below holds a file that grows meanwhile
        }

        var bytes = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, MaxBytes + 1L - bytes.Length))) > 0)
        {
            bytes.Write(buffer, 0, read);
            if (bytes.Length > MaxBytes)
            {
                throw new PackFileRefused(tooLarge);
            }
        }

        return bytes.ToArray();
    }

    /// <summary>The line and column (1-based, counted in characters) of the first byte that is not UTF-8, and the byte; null when all are.</summary>
    private static (int Line, int Column, byte Value)? FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null; // the usual case, checked vectorized; only a file with a bad byte is walked to find its place
        }

        var (line, column) = (1, 1);
        for (var i = bytes.StartsWith("\uFEFF"u8) ? 3 : 0; i < bytes.Length;)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out var rune, out var consumed) != OperationStatus.Done)
            {
                return (line, column, bytes[i]);
            }

            (line, column) = rune.Value == '\n' ? (line + 1, 1) : (line, column + rune.Utf16SequenceLength);
            i += consumed;
        }

        return null;
    }
}

/// <summary>A pack file refused before or while it is read (<see cref="Utf8Text.Read"/>); its message says why.</summary>
internal sealed class PackFileRefused(string message) : IOException(message);
