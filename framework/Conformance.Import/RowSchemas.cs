using System.Globalization;
using System.Text.Json.Nodes;

namespace Conformance.Import;

/// <summary>
/// The row-level <c>schema:</c> of each drafted row: an operation's own error schema where it differs from the pack's
/// <c>errors</c>. A row accepting 400 or 422 (<c>expect: [400, 422]</c>) has one schema for both: the operation's when
/// it documents one for both, none (with a note) when they differ and the pack's <c>errors</c> would not give each.
/// </summary>
internal static class RowSchemas
{
    /// <param name="own">The operations' schemas that differ from the pack's (<c>none</c> for no body schema), by operation and status.</param>
    /// <param name="untyped">The operations and statuses whose body's Content-Type is not checked (errors' media type is not theirs).</param>
    /// <param name="errors">The pack's <c>errors</c>, by status.</param>
    /// <param name="files">The schema files, by path: two files of the same schema (an inline 400 and 422 written alike) are one schema to a row.</param>
    public static List<DraftRow> Apply(IEnumerable<DraftRow> rows, Dictionary<(string Op, string Code), string> own, HashSet<(string Op, string Code)> untyped, IReadOnlyDictionary<string, DraftError> errors, IReadOnlyDictionary<string, JsonObject> files, List<string> notes) =>
        [.. rows.Select(r => Typed(r.Or is null ? Single(r, own) : Either(r, own, errors, files, notes), untyped))];

    /// <summary>A row with <c>schema: none</c> for a status documented with no body of errors' media type leaves its Content-Type unchecked.</summary>
    private static DraftRow Typed(DraftRow row, HashSet<(string Op, string Code)> untyped) =>
        row.Schema == ErrorVotes.NoSchema && row.Statuses.Any(s => untyped.Contains((row.Op, Code(s)))) ? row with { AnyContentType = true } : row;

    private static DraftRow Single(DraftRow row, Dictionary<(string Op, string Code), string> own) =>
        own.TryGetValue((row.Op, Code(row.Expect)), out var schema) ? row with { Schema = schema } : row;

    private static DraftRow Either(DraftRow row, Dictionary<(string Op, string Code), string> own, IReadOnlyDictionary<string, DraftError> errors, IReadOnlyDictionary<string, JsonObject> files, List<string> notes)
    {
        var statuses = row.Statuses.Select(s => (Code: Code(s), Own: own.GetValueOrDefault((row.Op, Code(s))))).ToList();
        if (statuses.All(s => s.Own is null))
        {
            return row; // the pack's errors give each status the operation's schema
        }

        var effective = statuses.Select(s => (s.Code, s.Own, Schema: s.Own ?? errors.GetValueOrDefault(s.Code)?.Schema)).ToList();
        if (effective[0].Schema is { } shared && effective.All(e => Same(e.Schema, shared, files)))
        {
            return row with { Schema = shared };
        }

        var wrong = effective.Where(e => e.Own is not null).ToList();
        var documented = string.Join(", ", effective.Select(e => $"{e.Code}: {(e.Own == ErrorVotes.NoSchema ? "no body schema" : e.Schema ?? "none")}"));
        var checkedAs = string.Join(" and ", wrong.Select(e => $"a {e.Code} answer is checked against {(errors.GetValueOrDefault(e.Code)?.Schema is { } pack ? $"errors' {e.Code} ({pack})" : "no schema")}, {(e.Own == ErrorVotes.NoSchema ? $"though {row.Op} documents no body schema for it" : $"not {e.Own}")}"));
        var first = wrong[0];
        notes.Add($"the {row.Scenario} row of {row.Op} accepts {string.Join(" or ", statuses.Select(s => s.Code))}, which {row.Op} documents with different schemas ({documented}), and a row's schema: holds for every status it accepts: none is set, "
            + $"so {checkedAs}; once you know which of the two the API answers, expect that one with its schema (expect: {first.Code}, schema: {first.Own})");
        return row;
    }

    private static bool Same(string? path, string other, IReadOnlyDictionary<string, JsonObject> files) =>
        path == other || (path is not null && files.TryGetValue(path, out var a) && files.TryGetValue(other, out var b) && JsonNode.DeepEquals(a, b));

    private static string Code(int status) => status.ToString(CultureInfo.InvariantCulture);
}
