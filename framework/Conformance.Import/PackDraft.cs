using System.Text.Json.Nodes;

namespace Conformance.Import;

/// <summary>How the drafted pack authenticates (api.yaml <c>auth:</c>).</summary>
internal sealed record DraftAuth(string? Header, string? Query, string Format, string? Challenge, string Sample, string? Cookie = null);

/// <summary>One operation with its baseline request and what it documents.</summary>
internal sealed record DraftOperation(
    string Id,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    JsonNode? Body,
    IReadOnlyList<string> RequiredBodyFields,
    string? Schema,
    IReadOnlyList<int> Statuses,
    bool Secured)
{
    /// <summary>The document's tags of the operation, as pack tags (filter categories).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>True when <see cref="Body"/> goes out as a form (<c>bodyType: form</c>), the only body the document gives.</summary>
    public bool Form { get; init; }

    /// <summary>
    /// The query names sent once per item (<c>?tag=a&amp;tag=b</c>: an exploded form list of two or more items) with
    /// their items, written as a YAML list in place of <see cref="Query"/>'s first item.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> QueryLists { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}

/// <summary>An error body contract (api.yaml <c>errors:</c>): its schema file and media type.</summary>
internal sealed record DraftError(string Schema, string ContentType);

/// <summary>One drafted table row: <c>{ op, scenario, with, expect }</c>.</summary>
internal sealed record DraftRow(string Op, string Scenario, IReadOnlyDictionary<string, string> With, int Expect)
{
    /// <summary>A second status the row accepts (<c>expect: [400, 422]</c>), or null.</summary>
    public int? Or { get; init; }

    /// <summary>The row's own body contract (<c>schema:</c>) where its operation's differs from the pack's <c>errors</c> (<c>none</c>: it documents no body schema), else null.</summary>
    public string? Schema { get; init; }

    /// <summary>True when the row's <c>schema: none</c> stands for a status documented with no body of errors' media type: its Content-Type is not checked either.</summary>
    public bool AnyContentType { get; init; }

    /// <summary>Every status the row accepts.</summary>
    public IEnumerable<int> Statuses => Or is { } or ? [Expect, or] : [Expect];
}

/// <summary>Everything the importer writes for one pack.</summary>
internal sealed record PackDraft(
    string Name,
    string Title,
    string Docs,
    string Source,
    DraftAuth? Auth,
    IReadOnlyDictionary<string, string> Statuses,
    IReadOnlyDictionary<string, DraftError> Errors,
    IReadOnlyDictionary<string, string> Unprovokable,
    IReadOnlyList<DraftOperation> Operations,
    IReadOnlyList<DraftRow> Rows,
    IReadOnlyDictionary<string, JsonObject> SchemaFiles,
    IReadOnlyList<string> Notes)
{
    /// <summary>The CT04xx warnings of the draft (a request body not drafted, CT0403), each a whole message line.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
