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
    /// <summary>
    /// How many candidates the <c>oneOf</c> and <c>not</c> searches of one sample may draft, all together (nested ones
    /// multiply): a count, not a time, so that a document drafts the same pack on any machine.
    /// </summary>
    private const int MaxCandidates = 256;

    /// <summary>The longest drafted value a note quotes whole.</summary>
    private const int MaxQuoted = 200;
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SchemaJudge judge;
    private readonly Shared shared;

    public SampleContext(SchemaJudge judge)
        : this(judge, new Shared())
    {
    }

    private SampleContext(SchemaJudge judge, Shared shared) => (this.judge, this.shared) = (judge, shared);

    public SchemaJudge Judge => judge;

    public List<Unmet> Unmet { get; } = [];

    /// <summary>True while the sample's search budget lasts (a fork shares it); <see cref="Spend"/> takes one candidate from it.</summary>
    public bool MaySearch => shared.Candidates < MaxCandidates;

    public void Spend() => shared.Candidates++;

    /// <summary>How many values drafting the sample has visited so far (every schema drafted, candidates thrown away included; a fork shares the count).</summary>
    public int Visited => shared.Visited;

    /// <summary>Where and why drafting the sample stopped (<see cref="Visit"/>), or null while it goes on.</summary>
    public SampleStop? Stopped => shared.Stopped;

    /// <summary>
    /// Counts one value visited at <paramref name="pointer"/>, <paramref name="depth"/> schemas below the sample's: false,
    /// and the sample stops (<see cref="Stopped"/>), once it has visited more than <see cref="SampleStop.MaxValues"/>
    /// values or would go deeper than <see cref="SampleStop.MaxDepth"/> (a required member that holds itself has no end).
    /// </summary>
    public bool Visit(int depth, string pointer)
    {
        if (shared.Stopped is null && (depth > SampleStop.MaxDepth || shared.Visited >= SampleStop.MaxValues))
        {
            shared.Stopped = new SampleStop(pointer, depth > SampleStop.MaxDepth);
        }

        if (shared.Stopped is not null)
        {
            return false;
        }

        shared.Visited++;
        return true;
    }

    /// <summary>
    /// Counts one <c>pattern</c> match of a text of <paramref name="length"/> characters at <paramref name="pointer"/>: false,
    /// and the sample stops (<see cref="Stopped"/>), once its matches would read more than <see cref="SampleStop.MaxMatched"/>
    /// characters (a match reads each character once or a few times: the non-backtracking engine).
    /// </summary>
    public bool Match(int length, string pointer)
    {
        if (shared.Stopped is null && shared.Matched + length + 1 > SampleStop.MaxMatched)
        {
            shared.Stopped = new SampleStop(pointer, Deep: false) { Patterns = true };
        }

        if (shared.Stopped is not null)
        {
            return false;
        }

        shared.Matched += length + 1;
        return true;
    }

    /// <summary>How many characters the sample's pattern matches have read so far (<see cref="Match"/>).</summary>
    public long Matched => shared.Matched;

    /// <summary>
    /// Patterns a match ran out of time on (<c>^(a+)+$</c> backtracks for ages on a near miss): no more variants are
    /// looked for with them in this sample (a fork shares the set).
    /// </summary>
    public HashSet<string> SlowPatterns => shared.SlowPatterns;

    /// <summary>A context for a candidate that may be thrown away: what it could not meet is kept only if it is taken (<see cref="Take"/>).</summary>
    public SampleContext Fork() => new(judge, shared);

    /// <summary>Keeps what <paramref name="candidate"/>'s context could not meet, and returns its value.</summary>
    public JsonNode? Take(SampleContext fork, JsonNode? candidate)
    {
        Unmet.AddRange(fork.Unmet);
        return candidate;
    }

    /// <summary>
    /// Judges the final <paramref name="sample"/> (at <paramref name="pointer"/>) against <paramref name="schema"/>: an earlier
    /// entry where the validator finds nothing wrong (nor around it) is dropped; each place the validator rejects, and no
    /// earlier entry already names (nor a place it holds), is listed with the value drafted there.
    /// </summary>
    public void Check(IOpenApiSchema? schema, JsonNode? sample, string pointer)
    {
        var errors = judge.Errors(schema, sample);
        if (judge.CanJudge(schema))
        {
            // A text drafted for a oneOf/anyOf branch that no other branch needed (the sample is valid there): no place to fix.
            Unmet.RemoveAll(u => Within(u.Pointer, pointer) && !errors.Any(e => Within(pointer + e.InstanceLocation, u.Pointer) || Within(u.Pointer, pointer + e.InstanceLocation)));
        }

        var named = Unmet.Select(u => u.Pointer).ToList();
        foreach (var place in errors.GroupBy(e => e.InstanceLocation, StringComparer.Ordinal))
        {
            var where = pointer + place.Key;
            if (!named.Exists(n => where == n || where.StartsWith(n + "/", StringComparison.Ordinal)))
            {
                var drafted = At(sample, place.Key)?.ToJsonString(Json) ?? "null";
                Unmet.Add(new UnmetSchema(where, [.. place.Select(e => e.Message).Distinct(StringComparer.Ordinal)], drafted.Length > MaxQuoted ? drafted[..MaxQuoted] + "..." : drafted));
            }
        }
    }

    /// <summary>
    /// What the sample could not meet, with the items of one list that miss alike taken together (4,096 items of a
    /// pattern no text meets are one place to fix): each entry, and how many items right after it miss the same way.
    /// </summary>
    public IEnumerable<(Unmet Unmet, int Alike)> Places()
    {
        for (var i = 0; i < Unmet.Count; i++)
        {
            var alike = 0;
            while (i + alike + 1 < Unmet.Count && NextItem(Unmet[i + alike].Pointer, Unmet[i + alike + 1].Pointer) && SameMiss(Unmet[i], Unmet[i + alike + 1]))
            {
                alike++;
            }

            yield return (Unmet[i], alike);
            i += alike;
        }
    }

    /// <summary>True when <paramref name="pointer"/> is <paramref name="place"/> or points inside it.</summary>
    private static bool Within(string pointer, string place) => pointer == place || pointer.StartsWith(place + "/", StringComparison.Ordinal);

    /// <summary>True when <paramref name="next"/> points at the list item right after <paramref name="pointer"/>'s.</summary>
    private static bool NextItem(string pointer, string next)
    {
        var (slash, nextSlash) = (pointer.LastIndexOf('/'), next.LastIndexOf('/'));
        return slash >= 0 && slash == nextSlash && pointer.AsSpan(0, slash).SequenceEqual(next.AsSpan(0, slash))
            && int.TryParse(pointer.AsSpan(slash + 1), out var index) && int.TryParse(next.AsSpan(slash + 1), out var following) && following == index + 1;
    }

    private static bool SameMiss(Unmet first, Unmet other) => (first, other) switch
    {
        (UnmetPattern p, UnmetPattern q) => p.Pattern == q.Pattern && p.Format == q.Format && p.Drafted == q.Drafted,
        (UnmetSchema s, UnmetSchema t) => s.Drafted == t.Drafted && s.Messages.SequenceEqual(t.Messages, StringComparer.Ordinal),
        _ => false,
    };

    private sealed class Shared
    {
        public int Candidates { get; set; }

        public int Visited { get; set; }

        public long Matched { get; set; }

        public SampleStop? Stopped { get; set; }

        public HashSet<string> SlowPatterns { get; } = new(StringComparer.Ordinal);
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
