using System.Globalization;
using Conformance.Diagnostics;

namespace Conformance.Import;

/// <summary>
/// Where drafting one request body or parameter stopped, its work budget spent: at <paramref name="Pointer"/> (a JSON
/// Pointer into the value), for going deeper than <see cref="MaxDepth"/> schemas (<paramref name="Deep"/>) or visiting
/// more than <see cref="MaxValues"/> values. The budget counts work, not time, so a document drafts the same pack on any machine.
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

    /// <summary>
    /// The characters the importer's own <c>pattern</c> matches may read for one sample (each match its text's length and
    /// one): each match takes time linear in its text, so this bounds the time a sample's patterns take, whatever they
    /// are. The importer's tests and fuzz documents read at most 57,344 for one sample.
    /// </summary>
    public const int MaxMatched = 1_000_000;

    /// <summary>True when the sample stopped at <see cref="MaxMatched"/>, its patterns' work.</summary>
    public bool Patterns { get; init; }

    /// <summary>The CT0403 warning for the request body of <paramref name="id"/>, at its schema in the document.</summary>
    public string Warning(SourceLocation at, string id) =>
        $"{at}: warning {ErrorCodes.BodyNotDrafted.Code}: the request body of {id} was not drafted, {Why("body")}. Fix: {ErrorCodes.BodyNotDrafted.Fix}";

    /// <summary>
    /// The CT0403 warning for the <paramref name="location"/> (path, query, header) parameter <paramref name="name"/> of
    /// <paramref name="id"/>, at the parameter in the document: left out of the operation's query or headers, or for a
    /// path parameter, which the path needs, drafted as "1".
    /// </summary>
    public string ParameterWarning(SourceLocation at, string id, string location, string name)
    {
        var meanwhile = location == "path" ? $"its value in the path of {id} is \"1\" until then" : $"it was left out of {(location == "header" ? "headers" : location)}: of {id}";
        return $"{at}: warning {ErrorCodes.BodyNotDrafted.Code}: the {location} parameter '{name}' of {id} was not drafted, {Why("parameter")}. "
            + $"Fix: Write that parameter's value in api.yaml by hand, a small value its schema accepts ({meanwhile}; the other parameters and operations were drafted as usual).";
    }

    private string Why(string what)
    {
        var where = Pointer.Length == 0 ? "its top" : Pointer;
        return Patterns
            ? string.Create(CultureInfo.InvariantCulture, $"matching its patterns read more than {MaxMatched} characters (at {where} when it stopped), the work the importer spends on the patterns of one {what} (long texts, or many variants to search)")
            : Deep
            ? string.Create(CultureInfo.InvariantCulture, $"its schema nests more than {MaxDepth} schemas deep at {where} (a required member that holds itself, or a chain that long), deeper than the importer drafts a {what}")
            : string.Create(CultureInfo.InvariantCulture, $"drafting it took more than {MaxValues} values (at {where} when it stopped), the work the importer spends on one {what} (a schema wide and deep, or with many variants to search)");
    }
}
