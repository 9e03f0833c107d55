using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using Conformance.Contracts;
using Conformance.Probing;
using Conformance.Schema;
using Conformance.Tables;

namespace Conformance.Checks;

/// <summary>Everything a check may look at: the pack, the row, the request sent and the response received.</summary>
public sealed record CheckContext(ApiPack Pack, StatusRow Row, ProbeRequest Request, ProbeResponse Response, ParsedBody Body, JsonSchema? Schema, string? SchemaPath)
{
    public int Status => Response.Status;

    /// <summary>The body contract in use is an <c>errors:</c> entry with <c>body: optional</c>: an empty body meets it.</summary>
    public bool BodyOptional { get; init; }

    public bool StatusExpected => Row.Expected.Contains(Response.Status);

    /// <summary>
    /// <c>404 (Not Found)</c>: a documented code with its reason phrase (or the head of the pack's meaning for a code
    /// the registry does not name), or <c>418 (not in the documentation)</c>. The pack's whole meaning is in the scorecard.
    /// </summary>
    public string Describe(int status)
    {
        var code = status.ToString(CultureInfo.InvariantCulture);
        return Pack.Documented(status) is { } d ? $"{code} ({ReasonPhrases.Of(status) ?? ReasonPhrases.Head(d.Meaning)})" : $"{code} (not in the documentation)";
    }
}

/// <summary>The response body parsed once: JSON when it parses, else why not.</summary>
public sealed record ParsedBody(JsonElement? Json, string? ParseError, bool IsEmpty)
{
    /// <summary>
    /// Where an object of the body names a member twice (<c>{"code":"A","code":"B"}</c>), the first such place: readers
    /// disagree which value counts (RFC 8259 4; I-JSON, RFC 7493 2.3, forbids it), so a client may see another error code
    /// than the one checked. Null when every name is unique.
    /// </summary>
    public string? DuplicateName { get; init; }

    /// <summary>Deeper bodies are reported as unparsable instead of exhausting the stack of any reader.</summary>
    public const int MaxDepth = 256;

    public static ParsedBody From(ProbeResponse response)
    {
        if (response.Body.IsEmpty)
        {
            return new ParsedBody(null, null, true);
        }

        if (NotUtf8(response.Body.Span) is { } encoding)
        {
            return new ParsedBody(null, $"the body is {encoding}; JSON text sent over a network must be UTF-8 (RFC 8259 8.1)", false);
        }

        if (InvalidUtf8At(response.Body.Span) is { } offset)
        {
            return new ParsedBody(null, $"invalid UTF-8 at byte {offset.ToString(CultureInfo.InvariantCulture)}; JSON text must be UTF-8", false);
        }

        if (response.Body.Span.StartsWith("\uFEFF"u8))
        {
            // The reader's "'0xEF' is an invalid start of a value" names a character no excerpt shows.
            return new ParsedBody(null, "the body starts with a UTF-8 byte order mark (EF BB BF), which a JSON text sent over a network must not (RFC 8259 8.1)", false);
        }

        if (JsonUnicode.LoneSurrogate(response.Body.Span, MaxDepth) is { } lone)
        {
            return new ParsedBody(null, lone, false);
        }

        try
        {
            // Names compared as parsed: a body with no name twice (nearly all) is parsed once.
            using var doc = JsonDocument.Parse(response.Body, new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false });
            return new ParsedBody(doc.RootElement.Clone(), null, false);
        }
        catch (JsonException ex) when (Duplicates(response.Body) is { } parsed)
        {
            return parsed with { DuplicateName = DuplicateNames.First(parsed.Json!.Value) ?? Reason(ex) };
        }
        catch (JsonException ex)
        {
            return new ParsedBody(null, Reason(ex), false);
        }
    }

    /// <summary>The body parsed again with duplicate names allowed, when that is all that stopped it; else null.</summary>
    private static ParsedBody? Duplicates(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
            return new ParsedBody(doc.RootElement.Clone(), null, false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The reader's reason with its place counted from 1 (its own LineNumber/BytePositionInLine count from 0).</summary>
    private static string Reason(JsonException ex)
    {
        var message = ex.Message;
        foreach (var marker in (string[])[" Path:", " LineNumber:"])
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
        }

        message = message.TrimEnd('.', ' ');
        return ex.LineNumber is { } line && ex.BytePositionInLine is { } position
            ? string.Create(CultureInfo.InvariantCulture, $"{message}, at line {line + 1}, byte {position + 1}")
            : message;
    }

    /// <summary>
    /// What the body is when its first bytes say UTF-16 or UTF-32 (a byte order mark, or a 0x00 in the first two bytes, which
    /// no JSON text in UTF-8 has: RFC 4627 3), else null. The reader called it "'0x00' is an invalid start of a property name".
    /// </summary>
    private static string? NotUtf8(ReadOnlySpan<byte> body) => body switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] or [0x00, 0x00, 0xFE, 0xFF, ..] => "UTF-32 (it starts with a UTF-32 byte order mark)",
        [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] => "UTF-16 (it starts with a UTF-16 byte order mark)",
        [0x00, 0x00, 0x00, not 0x00, ..] or [not 0x00, 0x00, 0x00, 0x00, ..] => "UTF-32 (three 0x00 bytes among its first four)",
        [0x00, not 0x00, ..] or [not 0x00, 0x00, ..] => "UTF-16 (a 0x00 byte among its first two)",
        _ => null,
    };

    /// <summary>The byte offset of the first invalid UTF-8 sequence, or null when the body is valid UTF-8.</summary>
    private static int? InvalidUtf8At(ReadOnlySpan<byte> body)
    {
        if (Utf8.IsValid(body))
        {
            return null;
        }

        Span<char> chars = stackalloc char[1024];
        var consumed = 0;
        while (consumed < body.Length)
        {
            var status = Utf8.ToUtf16(body[consumed..], chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            consumed += read;
            if (status == OperationStatus.InvalidData)
            {
                return consumed;
            }

            if (status == OperationStatus.Done)
            {
                break;
            }
        }

        return consumed;
    }
}
