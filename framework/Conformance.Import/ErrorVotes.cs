namespace Conformance.Import;

/// <summary>
/// The error schema each operation documents for each status: the pack's <c>errors</c> get the one most operations use
/// (GitHub's 422: validation-error, 230 operations, over validation-error-simple, 35), and a row of an operation that
/// documents another gets its own <c>schema:</c>.
/// </summary>
internal sealed class ErrorVotes
{
    private readonly SortedDictionary<string, List<(string Op, DraftError Error)>> votes = new(StringComparer.Ordinal);

    public void Add(string code, string op, DraftError error)
    {
        if (!votes.TryGetValue(code, out var list))
        {
            votes[code] = list = [];
        }

        list.Add((op, error));
    }

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
}
