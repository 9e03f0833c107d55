using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Diagnostics;

namespace Conformance.Tables;

/// <summary>One row of a status table: operation x scenario -> what the documentation promises.</summary>
public sealed record StatusRow(
    string Id,
    string Api,
    string OperationId,
    string ScenarioId,
    IReadOnlyDictionary<string, JsonNode?> With,
    IReadOnlyList<int> Expected,
    string? Schema,
    bool SchemaExplicitlyNone,
    IReadOnlyList<BodyAssertion> Body,
    IReadOnlyList<HeaderAssertion> Headers,
    bool EmptyBody,
    string? Skip,
    IReadOnlyDictionary<string, Severity> Checks,
    string? Description,
    SourceLocation Location)
{
    public string ExpectedText => string.Join("|", Expected.Select(s => s.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The case name: <c>{api} / {operation} / {scenario} -> {status}</c>.</summary>
    public string CaseName => $"{Api} / {OperationId} / {ScenarioId} -> {ExpectedText}";
}

/// <summary>A row, file or pack entry that could not be loaded; it becomes one failing case carrying every diagnostic.</summary>
public sealed record InvalidEntry(string Api, SourceLocation Location, IReadOnlyList<Diagnostic> Diagnostics)
{
    public string CaseName => $"{Location.Path}:{Location.Line} (invalid)";

    public string Message => string.Join(Environment.NewLine, Diagnostics.Select(d => d.ToString()));
}
