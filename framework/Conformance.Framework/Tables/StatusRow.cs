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
    /// <summary>
    /// The tracked issue this row's failure belongs to (<c>known: "API-123: ..."</c>): a failure is then reported as a
    /// known issue (an NUnit warning), and a pass as a failure saying the issue no longer reproduces.
    /// </summary>
    public string? Known { get; init; }

    /// <summary>The checks the known issue covers (<c>known: { issue, checks }</c>); empty: any failing check.</summary>
    public IReadOnlyList<string> KnownChecks { get; init; } = [];

    /// <summary>The last day the known issue is tolerated (<c>known: { issue, until: 2027-01-31 }</c>), or null for no end.</summary>
    public DateOnly? KnownUntil { get; init; }

    /// <summary>This row's response time limit (<c>maxResponseMs</c>), overriding the pack's; null to use the pack's.</summary>
    public int? MaxResponseMs { get; init; }

    /// <summary>True when the row runs without its operation's <c>setup:</c> (<c>setup: false</c>).</summary>
    public bool NoSetup { get; init; }

    /// <summary>Where the row's <c>schema:</c> value is written, or null when it has none.</summary>
    public SourceLocation? SchemaAt { get; init; }

    /// <summary>True when the table writes the row's <c>id:</c>; false for the generated <c>&lt;op&gt;.&lt;scenario&gt;.&lt;n&gt;</c>.</summary>
    public bool IdWritten { get; init; }

    /// <summary>
    /// What Allure's history follows for a row without an <c>id:</c> (<see cref="IdWritten"/> false): its operation,
    /// scenario and <c>with:</c> arguments, and its place among the rows alike in all three
    /// (<c>get_thing.unknown_id(param="id", value="999").1</c>; <c>get_thing.valid.1</c> without arguments, its default id).
    /// Null: <see cref="Id"/>.
    /// </summary>
    public string? HistoryKey { get; init; }

    /// <summary>
    /// The row's table has a top-level block YAML could not read (left out): the row is invalid, with this error
    /// pointing at it, but keeps its place among the pack's rows (its id, the ids after it).
    /// </summary>
    public Diagnostic? BrokenBlock { get; init; }

    /// <summary>The row's own filter categories (<c>tags: [smoke]</c>), also Allure tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public string ExpectedText => string.Join("|", Expected.Select(s => s.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// The case name: <c>{api} / {operation} / {scenario} -> {status}</c>; a scenario with arguments shows them
    /// briefly, <c>missing_field(field=to)</c>, so two rows of one scenario stay apart.
    /// </summary>
    public string CaseName => $"{Api} / {OperationId} / {ScenarioId}{Arguments} -> {ExpectedText}";

    private string Arguments => With.Count == 0 ? string.Empty
        : ScenarioId == "custom" ? $"({Id})"
        : "(" + string.Join(", ", With.Select(kv => $"{kv.Key}={Short(kv.Value)}")) + ")";

    /// <summary>
    /// True when <see cref="CaseName"/> shows every <c>with:</c> value in full: none is cut at 24 characters, and a custom
    /// scenario's arguments, shown as the row's id, are named by an id the table writes (a default id is a place).
    /// </summary>
    internal bool NameShowsArguments => With.Count == 0 || (ScenarioId == "custom" ? IdWritten : With.Values.All(v => Text(v).Length <= Shown));

    private const int Shown = 24;

    private static string Short(JsonNode? value)
    {
        var text = Text(value);
        return text.Length > Shown ? text[..Shown] + "..." : text;
    }

    private static string Text(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "null";
}

/// <summary>A row, file or pack entry that could not be loaded; it becomes one failing case carrying every diagnostic.</summary>
public sealed record InvalidEntry(string Api, SourceLocation Location, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>What is invalid, for the message: <c>contract</c> (a pack file) or <c>setting</c> (runsettings, environment).</summary>
    public string Kind { get; init; } = "contract";

    public string CaseName => $"{Location.Path}:{Location.Line} (invalid)";

    public string Message => string.Join(Environment.NewLine, Diagnostics.Select(d => d.ToString()));

    /// <summary>
    /// One entry per line of a file's own diagnostics: a mistake that yields two (a misspelt <c>rows:</c> is an unknown
    /// key and an empty table) is one case, not two cases of the same name.
    /// </summary>
    public static IEnumerable<InvalidEntry> ByLine(string api, IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.GroupBy(d => (d.Location.Path, d.Location.Line)).Select(g => new InvalidEntry(api, g.First().Location, [.. g]));
}
