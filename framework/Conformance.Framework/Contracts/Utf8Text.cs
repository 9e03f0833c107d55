using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Conformance.Diagnostics;
using Conformance.Files;

namespace Conformance.Contracts;

/// <summary>
/// A pack file's text as .NET reads it (UTF-8, or what its byte order mark says), and CT0126 where a file without a
/// UTF-16/32 mark is not valid UTF-8: a table saved as Latin-1 or Windows-1252 reads its <c>é</c> as U+FFFD, so a
/// description, a body value or a regex would silently differ from what its author wrote. The rows still load.
/// </summary>
internal static class Utf8Text
{
    /// <summary>
    /// The file's text. A file that is no regular file (a symbolic link to /dev/zero was read until the process ran out
    /// of memory and its whole pack was lost; a pipe would have held discovery forever) or holds more than 64 MiB is
    /// refused unread.
    /// </summary>
    /// <exception cref="FileRefused">The file is no regular file, or larger than <see cref="WholeFile.MaxBytes"/>.</exception>
    public static string Read(string file, string displayPath, DiagnosticBag bag)
    {
        var bytes = WholeFile.Bytes(file, FileKind.Pack);
        var text = WholeFile.Decode(bytes, out var encoding);
        if (Equals(encoding, Encoding.UTF8) && FirstInvalid(bytes) is var (line, column, value))
        {
            bag.Error(ErrorCodes.NotUtf8, new SourceLocation(displayPath, line, column),
                $"Byte 0x{value.ToString("X2", CultureInfo.InvariantCulture)} in {displayPath} is not UTF-8",
                "a pack's files are read as UTF-8, so it was read as the replacement character and the text around it is not what the file says (saved as Latin-1 or Windows-1252?)");
        }

        return text;
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

