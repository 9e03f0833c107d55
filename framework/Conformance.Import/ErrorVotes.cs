namespace Conformance.Import;

/// <summary>
/// The error schema each operation documents for each status: the pack's <c>errors</c> get the one most operations use
/// (GitHub's 422: validation-error, 230 operations, over validation-error-simple, 35), and a row of an operation that
/// documents another gets its own <c>schema:</c>, and a row of an operation that documents the status without a body
/// schema <c>schema: none</c>.
/// </summary>
internal sealed class ErrorVotes
{
    /// <summary>A row's <c>schema:</c> for a status its operation documents without a body schema: nothing to check.</summary>
    public const string NoSchema = "none";

    private readonly SortedDictionary<string, List<(string Op, DraftError Error)>> votes = new(StringComparer.Ordinal);
    private readonly List<(string Code, string Op, string? MediaType)> bodiless = [];

    public void Add(string code, string op, DraftError error)
    {
        if (!votes.TryGetValue(code, out var list))
        {
            votes[code] = list = [];
        }

        list.Add((op, error));
    }

    /// <summary>An operation documents <paramref name="code"/> with no body schema: no content, or <paramref name="mediaType"/> (JSON) without one.</summary>
    public void AddBodiless(string code, string op, string? mediaType) => bodiless.Add((code, op, mediaType));

    /// <summary>Each status's most used schema (the first seen among equals), and the operations with another, noted.</summary>
    public SortedDictionary<string, DraftError> Majority(Dictionary<(string Op, string Code), string> others, List<string> notes)
    {
        var errors = new SortedDictionary<string, DraftError>(StringComparer.Ordinal);
        foreach (var (code, list) in votes)
        {
            var most = list.GroupBy(v => v.Error.Schema, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First();
            errors[code] = most.First().Error;
            var differing = list.Where(v => v.Error.Schema != most.Key).ToList();
            foreach (var (op, error) in differing)
            {
                others[(op, code)] = error.Schema;
            }

            if (differing.Count > 0)
            {
                notes.Add($"status {code} is drafted in errors with {most.Key}, the schema of {most.Count()} operation(s); {differing.Count} operation(s) document another, given on their rows (schema:): "
                    + string.Join(", ", differing.Select(d => d.Op).Distinct(StringComparer.Ordinal).Take(5)) + (differing.Count > 5 ? $" and {differing.Count - 5} more" : string.Empty));
            }
        }

        return errors;
    }

    /// <summary>
    /// The <paramref name="rows"/> of operations documenting a status without a body schema where the pack's <c>errors</c>
    /// (the code's, else its class's, a <c>default</c> response's included) would hold the body to one: <c>schema: none</c>
    /// in <paramref name="others"/>, and in <paramref name="untyped"/> those that do not document errors' media type either
    /// (no content, or another type), whose Content-Type is then not checked; one note per status.
    /// </summary>
    public void Bodiless(IReadOnlyList<DraftRow> rows, IReadOnlyDictionary<string, DraftError> errors, Dictionary<(string Op, string Code), string> others, HashSet<(string Op, string Code)> untyped, List<string> notes)
    {
        var drafted = rows.SelectMany(r => r.Statuses.Select(s => (r.Op, Code: s.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToHashSet();
        foreach (var group in bodiless.Where(b => drafted.Contains((b.Op, b.Code))).GroupBy(b => b.Code, StringComparer.Ordinal))
        {
            if ((errors.GetValueOrDefault(group.Key) ?? errors.GetValueOrDefault(group.Key[0] + "xx")) is not { } error)
            {
                continue;
            }

            foreach (var (code, op, media) in group)
            {
                others[(op, code)] = NoSchema;
                if (media is null || !string.Equals(media, error.ContentType, StringComparison.OrdinalIgnoreCase))
                {
                    untyped.Add((op, code));
                }
            }

            var ops = group.Select(b => b.Op).Distinct(StringComparer.Ordinal).ToList();
            notes.Add($"{ops.Count} operation(s) document {group.Key} without a body schema, which errors gives as {error.Schema}: their {group.Key} rows have schema: none (the body is not checked), "
                + $"and checks: {{ content_type_conformance: off }} where they document no {error.ContentType} body: {string.Join(", ", ops.Take(5))}{(ops.Count > 5 ? $" and {ops.Count - 5} more" : string.Empty)}");
        }
    }
}
