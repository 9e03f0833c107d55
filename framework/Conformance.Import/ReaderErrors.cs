using System.Globalization;
using System.Text.RegularExpressions;
using Conformance.Diagnostics;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// CT0401 for what the OpenAPI reader could not read, at the place in the document: the node its JSON Pointer names;
/// for the errors that carry none, the line and column the message names (YAML and JSON syntax errors), the key an
/// unknown property is at (its pointer is in the message), the one value the reader could not convert, the version's
/// value. Where nothing tells the place, the file's start, and the reason says the reader gave none.
/// </summary>
internal static partial class ReaderErrors
{
    private const string Why = "a pack is drafted only from a readable OpenAPI 3.x document with operations";

    /// <summary>An error the reader gave (not an exception).</summary>
    public static Diagnostic From(DocumentPlaces places, OpenApiError error)
    {
        var message = error.Message.TrimEnd('.');
        if (TooDeep(places, message) is { } deep)
        {
            return deep;
        }

        var pointer = error.Pointer;
        if (!string.IsNullOrEmpty(pointer) && !pointer.StartsWith("#line=", StringComparison.Ordinal))
        {
            return At(places, $"{message} at {pointer}", pointer);
        }

        if (UnknownProperty().Match(message) is { Success: true } unknown && places.Key(unknown.Groups[2].Value, unknown.Groups[1].Value) is { } key)
        {
            return Error(key, message, Why);
        }

        return InMessage(places, message) is { } place ? Error(place, message, Why) : NoPlace(places, message, null);
    }

    /// <summary>
    /// What makes two errors one: their text, or, placed in the document, their place and their text but the pointer
    /// (a shared parameter's error, given at its entry and where it is used).
    /// </summary>
    public static string Sameness(Diagnostic error) =>
        error.Location.Line == 1 && error.Location.Column == 1 ? error.ToString()
            : $"{error.Location} {(error.What.LastIndexOf(" at #", StringComparison.Ordinal) is var at and > 0 ? error.What[..at] : error.What)}";

    /// <summary>
    /// An exception the reader threw (or the file system, reading the file). A number too large for the reader is an error
    /// at each number of the document too large alike (the reader stops at the first, and names no place).
    /// </summary>
    public static IReadOnlyList<Diagnostic> From(DocumentPlaces places, Exception exception)
    {
        if (TooDeep(places, exception.Message) is { } deep)
        {
            return [deep];
        }

        var what = $"the document could not be read ({exception.Message.TrimEnd('.')})";
        if (exception is IOException or UnauthorizedAccessException)
        {
            return [Error(SourceLocation.FileStart(places.DisplayPath), what, Why)]; // the file itself, not a place in it
        }

        if (exception is OpenApiUnsupportedSpecVersionException && places.Version() is { } version)
        {
            return [Error(version, what, Why)];
        }

        if (InMessage(places, exception.Message) is { } place)
        {
            return [Error(place, what, Why)];
        }

        if (exception is OverflowException && places.TooLarge(exception.Message) is { Count: > 0 } numbers)
        {
            return [.. numbers.Select(n => Error(n, what, Why))];
        }

        var value = exception is FormatException && Quoted().Match(exception.Message) is { Success: true } quoted ? quoted.Groups[1].Value : null;
        var found = value is not null ? places.Values(value) : [];
        return [found.Count == 1 ? Error(found[0], what, Why) : NoPlace(places, what, found.Count > 1 ? $" and '{value}' is at {found.Count} places of the document" : null)];
    }

    /// <summary>
    /// A CT0401 of the importer's own (or the reader's with a pointer) at the line and column its text names, else at the
    /// node <paramref name="pointer"/> names (a response schema, a parameter; in an OpenAPI 3.x or Swagger 2.0 document
    /// alike), else at the file's start.
    /// </summary>
    public static Diagnostic At(DocumentPlaces places, string what, string? pointer = null) =>
        Error(InMessage(places, what) ?? (pointer is { Length: > 0 } ? places.Locate(pointer) : SourceLocation.FileStart(places.DisplayPath)), what, Why);

    /// <summary>The place a message names: <c>at line 3, column 1</c> (the YAML reader), <c>LineNumber: 1 | BytePositionInLine: 92</c> (the JSON reader, from 0).</summary>
    private static SourceLocation? InMessage(DocumentPlaces places, string message)
    {
        if (LineAndColumn().Match(message) is { Success: true } at)
        {
            return new SourceLocation(places.DisplayPath, Number(at.Groups[1]), Number(at.Groups[2]));
        }

        return JsonLineAndByte().Match(message) is { Success: true } json ? places.LineAndByte(Number(json.Groups[1]), Number(json.Groups[2])) : null;
    }

    /// <summary>
    /// The reader's refusal of a document nested deeper than it reads (<c>The maximum configured depth of 64 has been
    /// exceeded</c> from its JSON reader, which says where; <c>The YAML document exceeds the maximum supported nesting depth
    /// of 64</c> from its YAML reader, which reads 63 levels and says nowhere), at the first mapping or list too deep: the
    /// document is valid, and what to change is where it nests.
    /// </summary>
    private static Diagnostic? TooDeep(DocumentPlaces places, string message)
    {
        if (!message.Contains("depth of 64", StringComparison.Ordinal))
        {
            return null;
        }

        var json = InMessage(places, message);
        return new(
            ErrorCodes.OpenApiUnreadable.Code,
            json ?? places.Deeper() ?? SourceLocation.FileStart(places.DisplayPath),
            $"the document nests mappings and lists more than {(json is null ? DocumentPlaces.YamlDepth : DocumentPlaces.YamlDepth + 1)} levels deep, here",
            "the OpenAPI reader the importer uses (Microsoft.OpenApi) reads no deeper (its JSON reader 64 levels, its YAML reader 63), so a pack is not drafted from it",
            "Move nested inline schemas to components/schemas and refer to them with $ref: each component starts the count again (components, schemas, its name).");
    }

    private static Diagnostic NoPlace(DocumentPlaces places, string what, string? also) =>
        Error(SourceLocation.FileStart(places.DisplayPath), what, $"the OpenAPI reader gave no place for it{also} (so it is at the file's start), and {Why}");

    private static Diagnostic Error(SourceLocation location, string what, string why) =>
        new(ErrorCodes.OpenApiUnreadable.Code, location, what, why, ErrorCodes.OpenApiUnreadable.Fix);

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\bline (\d+), column (\d+)")]
    private static partial Regex LineAndColumn();

    [GeneratedRegex(@"\bLineNumber: (\d+) \| BytePositionInLine: (\d+)")]
    private static partial Regex JsonLineAndByte();

    [GeneratedRegex(@"^(\S+) is not a valid property at (#\S*)$")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
