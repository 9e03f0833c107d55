using System.Text.Json.Nodes;
using Conformance.Contracts;
using Conformance.Pact.States;
using Conformance.Probing;
using Conformance.Tables;

namespace Conformance.Pact.Export;

/// <summary>
/// Exports status tables as V4 pacts: one per pack (consumer <c>conformance-{api}</c>, provider <c>{api}</c>),
/// one HTTP interaction per row. The request is the probe the row's scenario builds, captured instead of sent,
/// with the pack's sample token (never a configured secret); the response is the row's first acceptable status,
/// the headers it asserts and a schema-derived body. Multi-request scenarios and skipped rows are left out.
/// </summary>
public static class PactExporter
{
    /// <summary>Scenarios that send more than one request; a pact interaction is a single request.</summary>
    public static IReadOnlyList<string> MultiStepScenarios { get; } = ["conditional_get", "rate_limit", "follow_redirect"];

    /// <summary>The pact of one loaded pack; throws when the pack's api.yaml could not be read.</summary>
    public static ExportedPact Export(LoadedPack loaded)
    {
        var read = loaded.Pack ?? throw new ArgumentException($"Pack '{loaded.Name}' has no readable api.yaml; there is nothing to export.", nameof(loaded));

        // A consumer's pact holds example values: the variables' defaults (those the embedded reference API honors).
        var pack = VarBinding.Bind(read, read.Vars);
        var interactions = new List<PactInteraction>();
        var omitted = new List<ExportNote>();
        var notes = new List<ExportNote>();
        var descriptions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in loaded.Rows)
        {
            if (OmitReason(row) is { } reason)
            {
                omitted.Add(new ExportNote(row.CaseName, reason));
                continue;
            }

            var rowNotes = new List<string>();
            var request = Record(pack, row);
            var response = ResponseMapper.Map(loaded, row, rowNotes);
            if (row.Known is { } known)
            {
                rowNotes.Add($"known issue ({known}): the table tracks this row's failure, so the provider is expected to fail this interaction until it is fixed");
            }

            var description = descriptions.Add(row.CaseName) ? row.CaseName : $"{row.CaseName} [{row.Id}]";
            descriptions.Add(description);
            var mapped = RequestMapper.Map(request, pack.Auth);
            var setup = row.NoSetup ? null : read.Operations[row.OperationId].Setup;
            var path = SetupPath.For(read, pack, row, request.Path);
            mapped = path is null ? mapped : mapped with { PathPattern = path.Pattern, PathExpression = path.Expression };
            PactProviderState[] states = [];
            if (setup is not null)
            {
                (mapped, var state) = SetupEscapes.Apply(SetupValues.WithGenerators(mapped, read.Operations[row.OperationId], pack.Operations[row.OperationId], setup), SetupState.For(read, setup), setup);
                states = [state];
            }

            if (path is not null)
            {
                rowNotes.Add($"setup: each case first sends {setup!.Op} and uses the id it answers, so the path matches {path.Pattern}; a verifier sends {mapped.PathExpression} with the values its provider state '{SetupState.Name(setup)}' returns (a variable as answered, or its .path variant, escaped, with the variable empty), and the default, {request.Path}, without them");
            }

            interactions.Add(new PactInteraction(description, ProviderState(row), mapped, response) { States = states });
            notes.AddRange(rowNotes.Select(n => new ExportNote(description, n)));
        }

        var pact = new PactDefinition(ExportedPact.ConsumerFor(pack.Name), pack.Name, interactions);
        return new ExportedPact(pack.Name, pact, omitted, notes);
    }

    /// <summary>
    /// Writes <c>conformance-{api}-{api}.json</c> for every readable pack with at least one interaction into
    /// <paramref name="directory"/>; returns each export with the file written (null when none was).
    /// </summary>
    public static IReadOnlyList<(ExportedPact Export, string? File)> WriteAll(ContractSet contracts, string directory)
    {
        var written = new List<(ExportedPact, string?)>();
        foreach (var loaded in contracts.Packs.Where(p => p.Pack is not null))
        {
            var export = Export(loaded);
            written.Add((export, export.Pact.Interactions.Count == 0 ? null : PactWriter.Write(export.Pact, directory)));
        }

        return written;
    }

    /// <summary>
    /// The provider state of a row: its scenario and every argument in full, e.g.
    /// <c>missing_field(field=/customer_id)</c>; a custom row shows its id, <c>custom(row-id)</c>.
    /// </summary>
    public static string ProviderState(StatusRow row) =>
        row.With.Count == 0 ? row.ScenarioId
        : row.ScenarioId == "custom" ? $"custom({row.Id})"
        : $"{row.ScenarioId}({string.Join(", ", row.With.Select(kv => $"{kv.Key}={Text(kv.Value)}"))})";

    private static string? OmitReason(StatusRow row)
    {
        if (row.Skip is not null)
        {
            return $"skipped by the table ({row.Skip})";
        }

        if (MultiStepScenarios.Contains(row.ScenarioId) || ScenarioCatalog.Find(row.ScenarioId) is not { RunsAlone: false })
        {
            return $"scenario '{row.ScenarioId}' sends several requests; a pact interaction holds one";
        }

        return null;
    }

    private static string Text(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "null";

    private static ProbeRequest Record(ApiPack pack, StatusRow row)
    {
        var operation = pack.Operations[row.OperationId];
        var input = new ScenarioInput(pack, operation, Baseline.Build(pack, operation, RequestMapper.CredentialFor(pack)), VarBinding.Bind(row.With, pack.Vars));
        var sender = new RecordingSender();
        ScenarioCatalog.Find(row.ScenarioId)!.RunAsync(input, sender, CancellationToken.None).GetAwaiter().GetResult();
        return sender.Requests[^1];
    }
}
