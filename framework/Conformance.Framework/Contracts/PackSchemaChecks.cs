using Conformance.Diagnostics;
using Conformance.Tables;

namespace Conformance.Contracts;

/// <summary>Cross-file checks after loading: schema references resolve, and row ids are unique.</summary>
internal static class PackSchemaChecks
{
    public static IEnumerable<InvalidEntry> CheckPackReferences(ApiPack pack, SchemaCatalog schemas, string apiPath)
    {
        var references = pack.Errors.Where(e => e.Schema is not null).Select(e => (e.Schema!, $"errors.{e.Pattern}", e.SchemaAt))
            .Concat(pack.Operations.Values.Where(o => o.Schema is not null).Select(o => (o.Schema!, $"operation '{o.Id}'", o.SchemaAt)));
        foreach (var (schema, owner, at) in references)
        {
            if (!schemas.Exists(schema))
            {
                var d = new Diagnostic(ErrorCodes.SchemaFileMissing.Code, at ?? (pack.Location with { Path = apiPath }),
                    $"Schema '{schema}' named by {owner} does not exist", $"no such file under {Folder(pack, apiPath)}", Missing(schema, schemas));
                yield return new InvalidEntry(pack.Name, d.Location, [d]);
            }
        }
    }

    /// <summary>The pack's folder as the run's paths show it (<c>contracts/acme/</c>), or its name when they are relative to it.</summary>
    private static string Folder(ApiPack pack, string apiPath) =>
        apiPath.LastIndexOf('/') is var slash and > 0 ? apiPath[..(slash + 1)] : $"{pack.Name}/";

    public static List<StatusRow> CheckRows(ApiPack pack, SchemaCatalog schemas, List<StatusRow> rows, List<InvalidEntry> invalid, string apiPath)
    {
        var good = new List<StatusRow>();
        var taken = TakenIds(rows);
        var closed = new Dictionary<string, List<string>?>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var problems = new List<Diagnostic>();
            if (taken.TryGetValue(row, out var owner))
            {
                const string NotGenerated = "Give this row another id, not of the form <op>.<scenario>.<n> that rows without id: get; ids must be unique within the pack.";
                problems.Add(owner.IdWritten || !row.IdWritten
                    ? new Diagnostic(ErrorCodes.DuplicateRowId.Code, row.Location, $"Row id '{row.Id}' is used twice", $"{owner.Location} has it already", ErrorCodes.DuplicateRowId.Fix)
                    : owner.Id == row.Id
                    ? new Diagnostic(ErrorCodes.DuplicateRowId.Code, row.Location, $"Row id '{row.Id}' is used twice",
                        $"{owner.Location} has it as its generated id (a row without id: is named <op>.<scenario>.<n>, its place among the pack's rows of that operation and scenario)", NotGenerated)
                    : new Diagnostic(ErrorCodes.DuplicateRowId.Code, row.Location, $"Row id '{row.Id}' is used twice",
                        $"{owner.Location} has it as its history key, which Allure and the scorecard follow a row without id: by (<op>.<scenario>, its with: arguments, then its place among the rows alike: the two rows would be one case in both)", NotGenerated));
            }

            foreach (var schema in ReferencedSchemas(pack, row))
            {
                if (!schemas.Exists(schema))
                {
                    // At the row's schema: when it names the file, else at the row (an errors entry or operation of api.yaml names it).
                    var at = schema == row.Schema && row.SchemaAt is { } written ? written : row.Location;
                    problems.Add(new Diagnostic(ErrorCodes.SchemaFileMissing.Code, at, $"Schema '{schema}' does not exist", $"no such file under {Folder(pack, apiPath)}", Missing(schema, schemas)));
                }
                else if (schemas.IsBroken(schema))
                {
                    // The schema's first error is quoted without its own Fix, which becomes this one's: one Fix a message.
                    var first0 = schemas.DiagnosticsOf(schema)[0];
                    problems.Add(new Diagnostic(ErrorCodes.InvalidSchema.Code, row.Location, $"Schema '{schema}' cannot be used",
                        $"it has errors, first: {first0.Location}: {first0.Code} {first0.What}, {first0.Why.TrimEnd('.')}", $"At {first0.Location}: {first0.Fix.TrimEnd('.')}; then the row can use it."));
                }
            }

            problems.AddRange(BrokenBlocks(pack, row));
            problems.AddRange(UnreadableContracts(pack, row));
            problems.AddRange(PointerReach.Check(pack, row, closed));
            if (problems.Count > 0)
            {
                invalid.Add(new InvalidEntry(pack.Name, row.Location, problems));
            }
            else
            {
                good.Add(row);
            }
        }

        return good;
    }

    /// <summary>The fix, with the pack's schema file whose name is closest (the names compared without their shared folder and .schema.json).</summary>
    private static string Missing(string schema, SchemaCatalog schemas)
    {
        var stems = schemas.Paths.GroupBy(Stem, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return ErrorCodes.SchemaFileMissing.Fix + DidYouMean.Suffix(DidYouMean.Closest(Stem(schema), stems.Keys) is { } stem ? stems[stem] : null);
    }

    private static string Stem(string path)
    {
        var name = Path.GetFileName(path.Replace('\\', '/'));
        return name.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase) ? name[..^".schema.json".Length] : Path.GetFileNameWithoutExtension(name);
    }

    /// <summary>
    /// The rows whose id another row has, each with the row that keeps it: the first of them, unless that one wrote its
    /// id and a later one has it generated (<c>get_note.valid.2</c> written in tables/aa.yaml is the id of the second
    /// valid row of get_note in main.yaml): then the written one is the mistake, and the untouched row keeps its id. So is a
    /// written id equal to the history key of a row without id: of its operation and scenario (<c>get_note.valid.1</c>
    /// written on a valid row of get_note, above one without id:, whose id is then <c>get_note.valid.2</c> and whose
    /// history key <c>get_note.valid.1</c>): Allure and the scorecard would take the two rows for one.
    /// </summary>
    private static Dictionary<StatusRow, StatusRow> TakenIds(List<StatusRow> rows)
    {
        var owners = new Dictionary<string, StatusRow>(StringComparer.Ordinal);
        var taken = new Dictionary<StatusRow, StatusRow>(ReferenceEqualityComparer.Instance);
        foreach (var row in rows)
        {
            if (!owners.TryGetValue(row.Id, out var owner))
            {
                owners[row.Id] = row;
            }
            else if (owner.IdWritten && !row.IdWritten)
            {
                taken[owner] = row;
                owners[row.Id] = row;
            }
            else
            {
                taken[row] = owner;
            }
        }

        // A row without id: is followed from run to run by its history key (RowHistoryKey), which skips the rows with one:
        // a written id equal to it, in the same operation and scenario, would make the two rows one case in the reports.
        var keys = rows.Where(r => !r.IdWritten && r.HistoryKey is not null).DistinctBy(r => (r.OperationId, r.ScenarioId, r.HistoryKey))
            .ToDictionary(r => (r.OperationId, r.ScenarioId, r.HistoryKey!));
        foreach (var row in rows.Where(r => r.IdWritten && !taken.ContainsKey(r)))
        {
            if (keys.TryGetValue((row.OperationId, row.ScenarioId, row.Id), out var holder))
            {
                taken[row] = holder;
            }
        }

        return taken;
    }

    /// <summary>
    /// api.yaml's auth: or defaults: with an error: every row would run with a part of it left out (sent without the
    /// credential, or without a default header) and fail blaming the API. Rows of no_auth and bad_auth depend on auth:
    /// too (the challenge a 401 must carry, the format of the bad credential), so no row of the pack runs.
    /// </summary>
    private static IEnumerable<Diagnostic> BrokenBlocks(ApiPack pack, StatusRow row)
    {
        foreach (var (block, error, use) in new[] { ("auth", pack.AuthError, "how the credential is sent and the challenge a 401 carries"), ("defaults", pack.DefaultsError, "the headers every request carries") })
        {
            if (error is not null)
            {
                yield return new Diagnostic(error.Code, row.Location, $"The {block} of api.yaml could not be loaded",
                    $"api.yaml reports an error for it at {error.Location}, and the row depends on it ({use})", $"Fix the error at {error.Location} (its own case); this row then loads.");
            }
        }

        foreach (var (block, error) in pack.UnreadableBlocks)
        {
            yield return new Diagnostic(error.Code, row.Location, $"The {block} of api.yaml could not be loaded",
                $"api.yaml reports an error for it at {error.Location}, and the row depends on it ({Use(block)})", $"Fix the error at {error.Location} (its own case); this row then loads.");
        }

        if (row.BrokenBlock is { } table)
        {
            yield return table;
        }
    }

    /// <summary>What a row takes from a top-level block of api.yaml.</summary>
    private static string Use(string block) => block switch
    {
        "vars" => "the values of the ${name} variables its requests carry",
        "limits" => "how many probes are sent at once and how fast",
        "checks" => "which checks run and how their failures count",
        "dialect" => "how the schemas its responses are checked against are read",
        "maxResponseMs" => "the response time every probe must stay within",
        "rateLimitHeaders" => "the headers a 429 must carry",
        _ => "what it holds may change what the row sends or checks: an alias may repeat it",
    };

    /// <summary>An expected status whose body contract is an errors entry api.yaml reports an error in: the row would run unchecked.</summary>
    private static IEnumerable<Diagnostic> UnreadableContracts(ApiPack pack, StatusRow row)
    {
        foreach (var status in row.Expected)
        {
            // Even a row with its own schema (or schema: none) uses the entry: its contentType is checked.
            if (pack.ErrorContractFor(status) is { Unreadable: { } at } contract)
            {
                yield return new Diagnostic(ErrorCodes.InvalidSchema.Code, row.Location, $"The body contract for {status} (errors.{contract.Pattern}) could not be loaded",
                    $"api.yaml reports an error for it at {at}", $"Fix the error at {at} (its own case); this row then loads.");
                yield break;
            }
        }
    }

    private static IEnumerable<string> ReferencedSchemas(ApiPack pack, StatusRow row)
    {
        if (row.Schema is not null)
        {
            yield return row.Schema;
            yield break;
        }

        if (row.SchemaExplicitlyNone)
        {
            yield break;
        }

        foreach (var status in row.Expected)
        {
            if (BodySchemaResolver.Resolve(pack, row, status) is { } path)
            {
                yield return path;
            }
        }
    }
}
