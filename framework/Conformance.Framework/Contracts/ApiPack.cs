using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Diagnostics;

namespace Conformance.Contracts;

/// <summary>What api.yaml says about one API.</summary>
public sealed record ApiPack(
    string Name,
    string Title,
    string? DocsUrl,
    string Folder,
    string? Dialect,
    AuthScheme? Auth,
    IReadOnlyDictionary<string, string> DefaultHeaders,
    PackLimits Limits,
    IReadOnlyList<DocumentedStatus> Statuses,
    IReadOnlyList<BodyContract> Errors,
    IReadOnlyList<string> RateLimitHeaders,
    IReadOnlyDictionary<int, string> Unprovokable,
    IReadOnlyDictionary<string, Severity> CheckSeverities,
    IReadOnlyDictionary<string, Operation> Operations,
    SourceLocation Location)
{
    /// <summary>The response time every probe of this API must stay within (<c>maxResponseMs</c>), or null for none.</summary>
    public int? MaxResponseMs { get; init; }

    /// <summary>
    /// <c>vars:</c> name -> default value (the embedded reference API's). <c>${name}</c> in an operation's params, query,
    /// headers or body, or in defaults.headers, takes the target's value (<c>&lt;api&gt;.var.&lt;name&gt;</c>) or this default.
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode?> Vars { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>
    /// The first error api.yaml reports in its <c>auth:</c> (a misspelt <c>headr:</c>, a format without {token}), or null:
    /// every row is then invalid, pointing at it, since each depends on how the credential is sent (<see cref="PackSchemaChecks"/>).
    /// </summary>
    public Diagnostic? AuthError { get; init; }

    /// <summary>The first error api.yaml reports in its <c>defaults:</c> (<c>header:</c> for headers:), or null: every row is then invalid.</summary>
    public Diagnostic? DefaultsError { get; init; }

    /// <summary>
    /// Each other top-level block of api.yaml YAML could not read (<c>vars:</c>, <c>limits:</c>, <c>checks:</c>, an
    /// <c>x-</c> block of anchors), left out, with its first error: every row is then invalid, pointing at it.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, Diagnostic>> UnreadableBlocks { get; init; } = [];

    /// <summary>The documented meaning of a status, most specific entry first, or null if undocumented.</summary>
    public DocumentedStatus? Documented(int status) => MostSpecific(Statuses, s => s.Pattern, status);

    public BodyContract? ErrorContractFor(int status) => MostSpecific(Errors, e => e.Pattern, status);

    /// <summary>The matching entry of lowest specificity rank, the first of equals (checks call this per case: one pass, no sort).</summary>
    private static T? MostSpecific<T>(IReadOnlyList<T> entries, Func<T, StatusPattern> pattern, int status)
        where T : class
    {
        T? best = null;
        var bestRank = int.MaxValue;
        foreach (var entry in entries)
        {
            var p = pattern(entry);
            if (p.Matches(status) && p.Specificity < bestRank)
            {
                best = entry;
                bestRank = p.Specificity;
            }
        }

        return best;
    }
}

public sealed record DocumentedStatus(StatusPattern Pattern, string Meaning);

/// <summary>The body contract for a status or class: a schema path (relative to the pack) and a media type.</summary>
public sealed record BodyContract(StatusPattern Pattern, string? Schema, string? ContentType, SourceLocation? SchemaAt = null)
{
    /// <summary>Where api.yaml's error is when YAML could not read this entry: its rows are invalid (CT0110), not run without a contract.</summary>
    public SourceLocation? Unreadable { get; init; }

    /// <summary><c>body: optional</c>: the documentation says such a body comes only "in most cases"; none is fine, one present must meet the schema.</summary>
    public bool BodyOptional { get; init; }
}

/// <summary>
/// How the credential travels; the secret itself comes from the target settings. A cookie (<c>auth: cookie: name</c>)
/// is the <c>Cookie</c> header with the format <c>name={token}</c>; <see cref="Cookie"/> keeps its name.
/// </summary>
public sealed record AuthScheme(string? Header, string? QueryParameter, string Format, string? Challenge, string? Sample)
{
    /// <summary>The cookie's name when the credential travels in a cookie, else null.</summary>
    public string? Cookie { get; init; }

    public string Render(string token) => Format.Replace("{token}", token, StringComparison.Ordinal);
}

public sealed record PackLimits(int Concurrency, double RequestsPerSecond);

/// <summary>One operation with its valid baseline request.</summary>
public sealed record Operation(
    string Id,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyDictionary<string, string> Headers,
    JsonNode? Body,
    string? Schema,
    bool Mutates,
    SourceLocation Location,
    SourceLocation? SchemaAt = null)
{
    /// <summary>Filter categories every row of this operation gets (<c>tags: [billing]</c>), besides the row's own.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>How <see cref="Body"/> goes out (<c>bodyType:</c>): JSON, the default, or a form.</summary>
    public BodyType BodyType { get; init; }

    /// <summary>This operation's response time limit, between a row's own and api.yaml's (<c>maxResponseMs</c>).</summary>
    public int? MaxResponseMs { get; init; }

    /// <summary>The request each of its cases sends first, for a fresh resource (<c>setup:</c>), or null.</summary>
    public OperationSetup? Setup { get; init; }
}

/// <summary>
/// <c>setup: { op: create_note, capture: { note_id: /id } }</c>: before each case of the operation, the valid request of
/// <see cref="Op"/> is sent; it must answer 2xx, and each captured value (a JSON Pointer into its body) takes the place of
/// that variable in this case's probe and in the row's body values.
/// </summary>
public sealed record OperationSetup(string Op, IReadOnlyDictionary<string, CaptureSource> Capture, SourceLocation Location)
{
    /// <summary>
    /// <c>cleanup: delete_note</c>: the operation whose valid request, with the captured values, is sent after the probe
    /// so the resource the setup made does not stay on the target; null for none.
    /// </summary>
    public string? Cleanup { get; init; }

    public SourceLocation? CleanupLocation { get; init; }
}
