using System.Globalization;
using Conformance.Diagnostics;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// Where drafting one request body stopped, its work budget spent: at <paramref name="Pointer"/> (a JSON Pointer into
/// the body), for going deeper than <see cref="MaxDepth"/> schemas (<paramref name="Deep"/>) or visiting more than
/// <see cref="MaxValues"/> values. The budget counts work, not time, so a document drafts the same pack on any machine.
/// </summary>
internal sealed record SampleStop(string Pointer, bool Deep)
{
    /// <summary>
    /// The values one sample may visit, candidates thrown away included (the importer's tests and fuzz documents draft at
    /// most 4,103: a list of 4,096 items).
    /// </summary>
    public const int MaxValues = 50_000;

    /// <summary>
    /// How many schemas deep one sample may go (a property, an item, an allOf part, a oneOf choice: one each); a body
    /// nests no deeper, within the 100 levels a pack's api.yaml reads.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>The CT0403 warning for the request body of <paramref name="id"/>, at its schema in the document.</summary>
    public string Warning(SourceLocation at, string id)
    {
        var where = Pointer.Length == 0 ? "its top" : Pointer;
        var why = Deep
            ? string.Create(CultureInfo.InvariantCulture, $"its schema nests more than {MaxDepth} schemas deep at {where} (a required member that holds itself, or a chain that long), deeper than the importer drafts a body")
            : string.Create(CultureInfo.InvariantCulture, $"drafting it took more than {MaxValues} values (at {where} when it stopped), the work the importer spends on one body (a schema wide and deep, or with many variants to search)");
        return $"{at}: warning {ErrorCodes.BodyNotDrafted.Code}: the request body of {id} was not drafted, {why}. Fix: {ErrorCodes.BodyNotDrafted.Fix}";
    }

    /// <summary>
    /// The JSON Pointer of the body's schema in the document: under its media type, in the operation or in the
    /// <c>components/requestBodies</c> entry it refers to.
    /// </summary>
    public static string SchemaPointer(OpenApiOperation operation, string path, string method, string mediaType) =>
        operation.RequestBody is OpenApiRequestBodyReference { Reference.Id: { } id }
            ? $"/components/requestBodies/{Escape(id)}/content/{Escape(mediaType)}/schema"
            : $"/paths/{Escape(path)}/{method.ToLowerInvariant()}/requestBody/content/{Escape(mediaType)}/schema";

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
