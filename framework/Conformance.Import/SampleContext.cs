using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>
/// What drafting one sample needs beside its schema: the <see cref="SchemaJudge"/> that checks candidates and the
/// drafted sample, and what the sample could not meet (each becomes a note naming where).
/// </summary>
internal sealed class SampleContext
{
    /// <summary>How long the candidates of one sample's <c>oneOf</c> and <c>not</c> may be searched (nested ones multiply).</summary>
    private static readonly TimeSpan SearchBudget = TimeSpan.FromSeconds(1);

    /// <summary>The longest drafted value a note quotes whole.</summary>
    private const int MaxQuoted = 200;
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SchemaJudge judge;
    private readonly Stopwatch clock;

    public SampleContext(SchemaJudge judge)
        : this(judge, Stopwatch.StartNew())
    {
    }

    private SampleContext(SchemaJudge judge, Stopwatch clock) => (this.judge, this.clock) = (judge, clock);

    public SchemaJudge Judge => judge;

    public List<Unmet> Unmet { get; } = [];

    /// <summary>True while the sample's search budget lasts (a fork shares it).</summary>
    public bool MaySearch => clock.Elapsed < SearchBudget;

    /// <summary>A context for a candidate that may be thrown away: what it could not meet is kept only if it is taken (<see cref="Take"/>).</summary>
    public SampleContext Fork() => new(judge, clock);

    /// <summary>Keeps what <paramref name="candidate"/>'s context could not meet, and returns its value.</summary>
    public JsonNode? Take(SampleContext fork, JsonNode? candidate)
    {
        Unmet.AddRange(fork.Unmet);
        return candidate;
    }

    /// <summary>
    /// Judges the final <paramref name="sample"/> (at <paramref name="pointer"/>) against <paramref name="schema"/>: each
    /// place the validator rejects, and no earlier entry already names (nor a place it holds), is listed with the value drafted there.
    /// </summary>
    public void Check(IOpenApiSchema? schema, JsonNode? sample, string pointer)
    {
        var named = Unmet.Select(u => u.Pointer).ToList();
        foreach (var place in judge.Errors(schema, sample).GroupBy(e => e.InstanceLocation, StringComparer.Ordinal))
        {
            var where = pointer + place.Key;
            if (!named.Exists(n => where == n || where.StartsWith(n + "/", StringComparison.Ordinal)))
            {
                var drafted = At(sample, place.Key)?.ToJsonString(Json) ?? "null";
                Unmet.Add(new UnmetSchema(where, [.. place.Select(e => e.Message).Distinct(StringComparer.Ordinal)], drafted.Length > MaxQuoted ? drafted[..MaxQuoted] + "..." : drafted));
            }
        }
    }

    /// <summary>The value at a JSON Pointer in <paramref name="node"/>.</summary>
    private static JsonNode? At(JsonNode? node, string pointer)
    {
        foreach (var token in pointer.Split('/').Skip(1).Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))
        {
            node = node switch
            {
                JsonObject obj => obj[token],
                JsonArray array when int.TryParse(token, out var i) && i >= 0 && i < array.Count => array[i],
                _ => null,
            };
        }

        return node;
    }
}

/// <summary>Something a drafted sample does not meet, at a JSON Pointer into it.</summary>
internal abstract record Unmet(string Pointer, string Drafted);

/// <summary>A string its schema's <c>pattern</c> (and <c>format</c>, when it has one) does not accept: the pattern, what was drafted.</summary>
internal sealed record UnmetPattern(string Pointer, string Pattern, string Drafted, string? Format = null) : Unmet(Pointer, Drafted);

/// <summary>A value the validator rejects for another reason: its messages, what was drafted (as JSON).</summary>
internal sealed record UnmetSchema(string Pointer, IReadOnlyList<string> Messages, string Drafted) : Unmet(Pointer, Drafted);
