using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Import;

/// <summary>
/// Writes a <see cref="PackDraft"/> as a pack folder: <c>api.yaml</c>, <c>tables/status.yaml</c> and the schema files.
/// Values are written as JSON, which YAML reads as they are (double-quoted strings, flow mappings).
/// </summary>
internal static class PackWriter
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    /// <summary>The files a draft writes, relative to its folder, in the order written (no status table when no row is drafted).</summary>
    public static IReadOnlyList<string> Files(PackDraft draft)
    {
        var files = new List<string> { "api.yaml" };
        if (draft.Rows.Count > 0)
        {
            files.Add("tables/status.yaml");
        }

        files.AddRange(draft.SchemaFiles.Keys);
        return files;
    }

    /// <summary>Writes the draft; each file is added to <paramref name="written"/> once written, so a failure knows which were.</summary>
    public static void Write(PackDraft draft, string folder, List<string> written)
    {
        Directory.CreateDirectory(Path.Combine(folder, "tables"));
        Directory.CreateDirectory(Path.Combine(folder, "schemas"));
        var vars = DraftVars.For(draft.Operations);
        var setups = DraftSetups.For(draft, vars);
        File.WriteAllText(Path.Combine(folder, "api.yaml"), ApiYaml(draft, vars, setups));
        written.Add("api.yaml");
        if (draft.Rows.Count > 0)
        {
            File.WriteAllText(Path.Combine(folder, "tables", "status.yaml"), TableYaml(draft, setups));
            written.Add("tables/status.yaml");
        }

        // With no row there is no table to write (a table without rows does not load, CT0114); an earlier one stays,
        // as every file this draft does not write does (the caller names it in a note).

        foreach (var (path, schema) in draft.SchemaFiles)
        {
            File.WriteAllText(Path.Combine(folder, path), schema.ToJsonString(Indented) + "\n");
            written.Add(path);
        }
    }

    private static string ApiYaml(PackDraft draft, DraftVars vars, Dictionary<string, DraftSetup> setups)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"# Drafted by framework/Conformance.Import from {draft.Source}. Review it before trusting it: the operations'");
        yaml.AppendLine("# sample values, the rows' scenarios and the unprovokable reasons are guesses from the document (docs/import.md).");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"name: {draft.Name}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"title: {Text(draft.Title)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"docs: {Text(draft.Docs)}");
        yaml.AppendLine("dialect: draft2020-12");
        if (draft.Auth is { } auth)
        {
            yaml.AppendLine("auth:");
            yaml.AppendLine(auth.Header is { } header ? $"  header: {Text(header)}" : auth.Query is { } query ? $"  query: {Text(query)}" : $"  cookie: {Text(auth.Cookie!)}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  format: {Text(auth.Format)}");
            if (auth.Challenge is { } challenge)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"  challenge: {challenge}");
            }

            yaml.AppendLine(CultureInfo.InvariantCulture, $"  sample: {Text(auth.Sample)}");
        }

        yaml.AppendLine("defaults:");
        yaml.AppendLine("  headers: { Accept: application/json }");
        Map(yaml, "statuses", draft.Statuses.ToDictionary(s => s.Key, s => Text(s.Value)));
        Map(yaml, "errors", draft.Errors.ToDictionary(e => e.Key, e => $"{{ schema: {e.Value.Schema}, contentType: {e.Value.ContentType} }}"));
        Map(yaml, "unprovokable", draft.Unprovokable.ToDictionary(u => u.Key, u => Text(u.Value)));
        if (vars.Defaults.Count > 0)
        {
            yaml.AppendLine("# Path parameter samples from the document; a target sets its own with <name>.var.<variable> (docs/pack-format.md).");
            Map(yaml, "vars", vars.Defaults.ToDictionary(v => v.Key, v => Text(v.Value)));
        }

        yaml.AppendLine("operations:");
        foreach (var op in draft.Operations)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  {op.Id}:");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    method: {op.Method}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    path: {Text(op.Path)}");
            Flow(yaml, "params", vars.Params(op));
            Flow(yaml, "query", op.Query.ToDictionary(q => q.Key, q => op.QueryLists.TryGetValue(q.Key, out var items) ? (object)items.Select(Contracts.VarBinding.Literal).ToList() : Contracts.VarBinding.Literal(q.Value), StringComparer.Ordinal));
            Flow(yaml, "headers", Literal(op.Headers));
            if (op.Body is not null)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"    body: {Contracts.VarBinding.Literal(op.Body.ToJsonString(Json))}");
                if (op.Form)
                {
                    yaml.AppendLine("    bodyType: form  # sent as application/x-www-form-urlencoded");
                }
            }

            if (op.Schema is not null)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"    schema: {op.Schema}");
            }

            if (op.Tags.Count > 0)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"    tags: {JsonSerializer.Serialize(op.Tags, Json)}");
            }

            if (setups.TryGetValue(op.Id, out var setup))
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"    # each case first creates what it deletes (the sample id is gone after one run); check that {setup.Create} answers the id at {setup.Pointer}");
                yaml.AppendLine(CultureInfo.InvariantCulture, $"    setup: {{ op: {setup.Create}, capture: {{ {setup.Variable}: {setup.Pointer} }}, cleanup: {op.Id} }}");
            }
        }

        return yaml.ToString();
    }

    private static string TableYaml(PackDraft draft, Dictionary<string, DraftSetup> setups)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("# Drafted by framework/Conformance.Import: one row per documented status a built-in scenario provokes.");
        yaml.AppendLine("rows:");
        foreach (var row in draft.Rows)
        {
            var with = row.With.Count == 0 ? string.Empty : $", with: {JsonSerializer.Serialize(row.With, Json)}";
            var setup = row.Scenario == "unknown_id" && setups.ContainsKey(row.Op) ? ", setup: false" : string.Empty; // an unknown id needs nothing made
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {{ op: {row.Op}, scenario: {row.Scenario}{with}{setup}, expect: {(row.Or is { } or ? $"[{row.Expect}, {or}]" : row.Expect)}{(row.Schema is { } schema ? $", schema: {schema}" : string.Empty)}{(row.AnyContentType ? ", checks: { content_type_conformance: off }" : string.Empty)} }}");
        }

        return yaml.ToString();
    }

    private static void Map(StringBuilder yaml, string key, Dictionary<string, string> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        yaml.AppendLine(CultureInfo.InvariantCulture, $"{key}:");
        foreach (var (name, value) in entries)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  {name}: {value}");
        }
    }

    /// <summary>A document's sample texts as a pack writes them literally (a template's <c>${name}</c> is no pack variable).</summary>
    private static Dictionary<string, string> Literal(IReadOnlyDictionary<string, string> values) => values.ToDictionary(kv => kv.Key, kv => Contracts.VarBinding.Literal(kv.Value), StringComparer.Ordinal);

    private static void Flow<T>(StringBuilder yaml, string key, Dictionary<string, T> values)
    {
        if (values.Count > 0)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    {key}: {JsonSerializer.Serialize(values, Json)}");
        }
    }

    private static string Text(string value) => JsonSerializer.Serialize(value, Json);
}
