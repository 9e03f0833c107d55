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
                    $"Schema '{schema}' named by {owner} does not exist", $"no such file under {pack.Name}/", ErrorCodes.SchemaFileMissing.Fix);
                yield return new InvalidEntry(pack.Name, d.Location, [d]);
            }
        }
    }

    public static List<StatusRow> CheckRows(ApiPack pack, SchemaCatalog schemas, List<StatusRow> rows, List<InvalidEntry> invalid)
    {
        var good = new List<StatusRow>();
        var seen = new Dictionary<string, StatusRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var problems = new List<Diagnostic>();
            if (seen.TryGetValue(row.Id, out var first))
            {
                problems.Add(new Diagnostic(ErrorCodes.DuplicateRowId.Code, row.Location, $"Row id '{row.Id}' is used twice", $"{first.Location} has it already", ErrorCodes.DuplicateRowId.Fix));
            }
            else
            {
                seen[row.Id] = row;
            }

            foreach (var schema in ReferencedSchemas(pack, row))
            {
                if (!schemas.Exists(schema))
                {
                    problems.Add(new Diagnostic(ErrorCodes.SchemaFileMissing.Code, row.Location, $"Schema '{schema}' does not exist", $"no such file under {pack.Name}/", ErrorCodes.SchemaFileMissing.Fix));
                }
                else if (schemas.IsBroken(schema))
                {
                    // The schema's first error is quoted without its own Fix, which becomes this one's: one Fix a message.
                    var first0 = schemas.DiagnosticsOf(schema)[0];
                    problems.Add(new Diagnostic(ErrorCodes.InvalidSchema.Code, row.Location, $"Schema '{schema}' cannot be used",
                        $"it has errors, first: {first0.Location}: {first0.Code} {first0.What}, {first0.Why.TrimEnd('.')}", $"At {first0.Location}: {first0.Fix.TrimEnd('.')}; then the row can use it."));
                }
            }

            problems.AddRange(UnreadableContracts(pack, row));
            problems.AddRange(PointerReach.Check(pack, row));
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

    /// <summary>An expected status whose body contract is an errors entry YAML could not read: the row would run unchecked.</summary>
    private static IEnumerable<Diagnostic> UnreadableContracts(ApiPack pack, StatusRow row)
    {
        foreach (var status in row.Expected)
        {
            if (BodySchemaResolver.Resolve(pack, row, status) is null && !row.SchemaExplicitlyNone && pack.ErrorContractFor(status) is { Unreadable: { } at } contract)
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
