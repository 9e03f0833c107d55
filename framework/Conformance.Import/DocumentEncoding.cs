using System.Text;
using Conformance.Diagnostics;

namespace Conformance.Import;

/// <summary>
/// The bytes of an OpenAPI document before the reader decodes them, which it does with replacement characters: a Latin-1
/// <c>Café</c> in a title or an enum became <c>Caf\uFFFD</c> without a word. JSON must be UTF-8 (RFC 8259 8.1); YAML may
/// also be UTF-16 or UTF-32 with a byte order mark (YAML 1.2 5.2), which the YAML reader reads.
/// </summary>
internal static class DocumentEncoding
{
    /// <summary>A CT0401 for a document that is no text the reader reads as written, or null.</summary>
    public static Diagnostic? Check(byte[] bytes, bool json, string displayPath)
    {
        if (Marked(bytes) is { } unicode)
        {
            return json ? Error(SourceLocation.FileStart(displayPath), $"the document is {unicode} (its byte order mark), and a JSON document is UTF-8 (RFC 8259 8.1)", "Save it as UTF-8.") : null;
        }

        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var at, out _, replaceInvalidSequences: false);
        if (status == System.Buffers.OperationStatus.Done)
        {
            return null;
        }

        var line = bytes.AsSpan(0, at).Count((byte)'\n');
        var start = bytes.AsSpan(0, at).LastIndexOf((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(bytes, start, at - start) + 1;
        return Error(
            new SourceLocation(displayPath, line + 1, column),
            $"the document is not UTF-8: byte 0x{bytes[at]:X2} here starts no UTF-8 character (a Latin-1 or Windows-1252 'é' is one such byte)",
            "Save the document as UTF-8; the reader would read the character as U+FFFD, and a name, an enum value or an example holding it would be drafted wrong.");
    }

    private static string? Marked(byte[] bytes) => bytes switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => "UTF-32",
        [0x00, 0x00, 0xFE, 0xFF, ..] => "UTF-32",
        [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] => "UTF-16",
        _ => null,
    };

    private static Diagnostic Error(SourceLocation location, string what, string fix) =>
        new(ErrorCodes.OpenApiUnreadable.Code, location, what, "a pack is drafted only from a document read as written", fix);
}
