namespace Conformance.Import;

/// <summary>
/// The rows an operation's documented statuses call for, each with the built-in scenario that provokes it: the first
/// 2xx from <c>valid</c>, 401 from <c>no_auth</c> and <c>bad_auth</c> (secured operations), 404 from
/// <c>unknown_id</c> (the last path parameter; 99999999 where its sample is a number), 400/422 from <c>missing_field</c> (a required body field; one row accepting either when both are documented) or
/// <c>malformed_json</c>, 405 from <c>wrong_method</c>, 406 from <c>not_acceptable</c>, 415 from
/// <c>wrong_content_type</c> (a body). Other codes get no row (the pack lists them as unprovokable).
/// </summary>
internal static class RowPlanner
{
    private static readonly Dictionary<string, string> None = [];

    public static List<DraftRow> Plan(IEnumerable<DraftOperation> operations) => [.. operations.SelectMany(Rows)];

    private static IEnumerable<DraftRow> Rows(DraftOperation op)
    {
        if (op.Statuses.Where(s => s is >= 200 and < 300).Order().FirstOrDefault() is > 0 and var success)
        {
            yield return new DraftRow(op.Id, "valid", None, success);
        }

        foreach (var status in op.Statuses.Where(s => s >= 400).Distinct().Order())
        {
            foreach (var row in ForError(op, status))
            {
                yield return row;
            }
        }
    }

    /// <summary>The last path parameter (the resource's own id); a numeric sample gets a numeric unknown value.</summary>
    private static Dictionary<string, string> UnknownId(KeyValuePair<string, string> param) =>
        param.Value.Length > 0 && param.Value.All(char.IsAsciiDigit)
            ? new() { ["param"] = param.Key, ["value"] = "99999999" }
            : new() { ["param"] = param.Key };

    private static IEnumerable<DraftRow> ForError(DraftOperation op, int status)
    {
        switch (status)
        {
            case 401 when op.Secured:
                yield return new DraftRow(op.Id, "no_auth", None, status);
                yield return new DraftRow(op.Id, "bad_auth", None, status);
                break;
            case 404 when op.Params.Count > 0:
                yield return new DraftRow(op.Id, "unknown_id", UnknownId(op.Params.Last()), status);
                break;
            case 422 when op.RequiredBodyFields.Count > 0 && op.Statuses.Contains(400):
                break; // the 400 row accepts 422 too: an API answers a missing field with one of them, not both
            case 400 or 422 when op.RequiredBodyFields.Count > 0:
                yield return new DraftRow(op.Id, "missing_field", new Dictionary<string, string> { ["field"] = "/" + op.RequiredBodyFields[0].Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal) }, status)
                {
                    Or = status == 400 && op.Statuses.Contains(422) ? 422 : null,
                };
                break;
            case 400 when op.Body is not null && !op.Form: // a form cannot be malformed JSON
                yield return new DraftRow(op.Id, "malformed_json", None, status);
                break;
            case 405:
                yield return new DraftRow(op.Id, "wrong_method", None, status);
                break;
            case 406:
                yield return new DraftRow(op.Id, "not_acceptable", None, status);
                break;
            case 415 when op.Body is not null:
                yield return new DraftRow(op.Id, "wrong_content_type", None, status);
                break;
        }
    }
}
