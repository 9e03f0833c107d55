using System.Text.Json.Nodes;
using Conformance.Diagnostics;
using Microsoft.OpenApi;

namespace Conformance.Import;

/// <summary>Turns an OpenAPI document into a <see cref="PackDraft"/>: operations, auth, statuses, schemas and rows.</summary>
internal static class DraftBuilder
{
    /// <summary>
    /// The draft of <paramref name="document"/>; <paramref name="places"/> finds a body's schema or a parameter in the
    /// document's text, for a warning (else the warning is at the file's start).
    /// </summary>
    public static PackDraft Build(OpenApiDocument document, string name, string sourceName, DocumentPlaces? places = null)
    {
        var warnings = new List<string>();
        var schemas = new SchemaFiles(document);
        var judge = new SchemaJudge(document);
        var notes = new List<string>();
        var statuses = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var votes = new ErrorVotes();
        var operations = new List<DraftOperation>();
        var auth = AuthDraft.For(document, name, notes);
        if (document.Servers?.FirstOrDefault()?.Url is { Length: > 0 } server)
        {
            notes.Add($"the document's first server is '{Targets.UrlText.Masked(server)}': point the pack at it with {name}.baseUrl (or CONFORMANCE_{name.ToUpperInvariant()}_BASEURL), an absolute URL");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var anyType = new List<string>();
        var otherType = new List<string>();
        DraftError? fallback = null;
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var id = UniqueId(operation.OperationId, method.Method, path, ids);
                var codes = Responses(operation, id, statuses, votes, schemas, notes, (anyType, otherType), out var successSchema, ref fallback);
                var parameters = (item.Parameters ?? []).Concat(operation.Parameters ?? []).ToList();
                var drafted = RequestSamples.Body(operation, id, codes, notes, judge);
                var (body, bodySchema, form) = drafted;
                if (drafted.Stopped is { } stop)
                {
                    warnings.Add(stop.Warning(places?.RequestBody(path, method.Method, drafted.MediaType, stop.Pointer) ?? SourceLocation.FileStart(sourceName), id));
                }

                RequestSamples.CookieNotes(parameters, id, notes);
                var queryLists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                var stopped = new List<StoppedParameter>();
                operations.Add(new DraftOperation(
                    id,
                    method.Method.ToUpperInvariant(),
                    path,
                    DraftPaths.InPathOrder(DraftPaths.Values(RequestSamples.Values(parameters, ParameterLocation.Path, requiredOnly: false, id, notes, judge, stopped), path, id, notes), path),
                    RequestSamples.Values(parameters, ParameterLocation.Query, requiredOnly: true, id, notes, judge, stopped, queryLists),
                    RequestSamples.Values(parameters, ParameterLocation.Header, requiredOnly: true, id, notes, judge, stopped),
                    body,
                    body is JsonObject present ? [.. AllOfSchema.Required(bodySchema).Where(present.ContainsKey)] : [], // allOf parts' too
                    successSchema,
                    codes,
                    auth is not null && (operation.Security ?? document.Security) is { Count: > 0 } requirements && requirements.All(r => r.Count > 0)) // "{}" in the list: no credential needed
                {
                    // "Pet Store" -> pet_store: a tag is one word in a filter (Category=pet_store).
                    Tags = DraftTags(operation, id, notes),
                    Form = form,
                    QueryLists = queryLists,
                });
                warnings.AddRange(stopped.Select(p => p.Stop.ParameterWarning(places?.Parameter(path, method.Method, p.Name, p.In) ?? SourceLocation.FileStart(sourceName), id, p.In, p.Name)));
            }
        }

        if (anyType.Count > 0)
        {
            notes.Add($"{anyType.Count} response(s) documented only as */* (any media type, springdoc's default) with an object, array or referenced schema are taken as JSON (application/json) and get a body contract: "
                + $"{string.Join(", ", anyType.Take(5))}{(anyType.Count > 5 ? $" and {anyType.Count - 5} more" : string.Empty)}; check that the API answers JSON there");
        }

        if (otherType.Count > 0)
        {
            notes.Add($"{otherType.Count} response(s) documented only in media types that are not JSON get no body contract (a pack's contracts are JSON Schemas of JSON bodies), and their rows check the status alone: "
                + $"{string.Join(", ", otherType.Take(5))}{(otherType.Count > 5 ? $" and {otherType.Count - 5} more" : string.Empty)}; if the API answers JSON there too, document it in the response's content");
        }

        var rowSchemas = new Dictionary<(string Op, string Code), string>();
        var errors = votes.Majority(rowSchemas, notes);
        if (fallback is not null)
        {
            errors.TryAdd("4xx", fallback);
            errors.TryAdd("5xx", fallback);
        }

        var planned = RowPlanner.Plan(operations);
        var untyped = new HashSet<(string Op, string Code)>();
        votes.Bodiless(planned, errors, rowSchemas, untyped, notes);
        var files = schemas.Files;
        notes.AddRange(schemas.Notes);
        var rows = RowSchemas.Apply(planned, rowSchemas, untyped, errors, files, notes);
        if (rows.Count == 0)
        {
            notes.Add("no documented status of any operation is one a built-in scenario provokes, so no status table was written (a table needs a row): add tables/status.yaml with custom rows (docs/pack-format.md)");
        }

        var expected = rows.SelectMany(r => r.Statuses).Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        var unprovokable = statuses.Keys.Where(code => int.TryParse(code, out _) && !expected.Contains(code))
            .ToDictionary(code => code, code => "Imported from OpenAPI: no built-in scenario provokes it on any operation. Add a row (docs/pack-format.md) or keep it here with the real reason.", StringComparer.Ordinal);
        return new PackDraft(
            name,
            document.Info?.Title ?? name,
            document.ExternalDocs?.Url?.ToString() ?? sourceName,
            sourceName,
            auth,
            statuses,
            errors,
            unprovokable,
            operations,
            rows,
            files,
            notes)
        {
            Warnings = warnings,
        };
    }

    private static List<int> Responses(OpenApiOperation operation, string id, SortedDictionary<string, string> statuses, ErrorVotes votes, SchemaFiles schemas, List<string> notes, (List<string> Any, List<string> Other) media, out string? successSchema, ref DraftError? fallback)
    {
        successSchema = null;
        var codes = new List<int>();
        foreach (var (key, response) in operation.Responses ?? [])
        {
            var code = key.Length == 3 && key.EndsWith("XX", StringComparison.OrdinalIgnoreCase) ? key[0] + "xx" : key;
            var json = JsonContent(response.Content, out var any);
            if (any)
            {
                media.Any.Add($"{id} {code}");
            }
            else if (json is null && response.Content is { Count: > 0 } content && !content.Keys.All(k => k.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase)))
            {
                // Bytes (a download; what the reader gives a Swagger 2.0 response without produces) promise no text to check.
                media.Other.Add($"{id} {code} ({string.Join(", ", content.Keys)})");
            }

            var schema = json?.Value?.Schema;
            if (!int.TryParse(code, out var status) && !code.EndsWith("xx", StringComparison.Ordinal))
            {
                // "default": no status to promise, but its body is what any error not described otherwise looks like
                fallback ??= File(schemas, schema, "error-default", $"{id} default", notes) is { } shared ? new DraftError(shared, json!.Value.Key) : null;
                continue;
            }

            statuses.TryAdd(code, string.IsNullOrWhiteSpace(response.Description) ? $"Documented by {operation.OperationId ?? id}." : response.Description.Trim());
            if (status is >= 200 and < 300)
            {
                codes.Add(status);
                successSchema ??= File(schemas, schema, $"{id}-{code}", $"{id} {code}", notes);
            }
            else if (status >= 400 || code[0] is '4' or '5')
            {
                if (status > 0)
                {
                    codes.Add(status);
                }

                // Each operation's schema counts: a component is one file whichever operation names it; inline ones of
                // a status share a file where equal (error-<code> for the first, else error-<code>-<op>).
                if (File(schemas, schema, $"error-{code}", $"{id} {code}", notes, $"error-{code}-{id}") is { } file)
                {
                    votes.Add(code, id, new DraftError(file, json!.Value.Key));
                }
                else if (status > 0)
                {
                    votes.AddBodiless(code, id, json?.Key); // no body promised: its row is not held to errors' schema
                }
            }
        }

        return codes;
    }

    /// <summary>The schema's file, or null (with a note saying so when the schema is a reference the document does not resolve).</summary>
    private static string? File(SchemaFiles schemas, IOpenApiSchema? schema, string inlineName, string where, List<string> notes, string? ownName = null)
    {
        if (schema is null)
        {
            return null;
        }

        var file = ownName is null ? schemas.Add(schema, inlineName) : schemas.AddShared(schema, inlineName, ownName);
        if (file is null)
        {
            notes.Add((schema as OpenApiSchemaReference)?.Reference.ReferenceV3 is { } reference
                ? $"the response schema of {where} refers to '{reference}', which this document does not hold: no body contract drafted for it"
                : $"the response schema of {where} refers, inside it, to a schema this document does not hold as a whole component: no body contract drafted for it");
        }

        return file;
    }

    /// <summary>
    /// The response's JSON media type; a Swagger 2.0 document without <c>produces</c> is read with
    /// application/octet-stream, and springdoc writes <c>*/*</c>: either one alone, with an object, array or referenced
    /// schema, is taken as JSON (<paramref name="any"/> says it was <c>*/*</c>, for a note).
    /// </summary>
    private static KeyValuePair<string, IOpenApiMediaType>? JsonContent(IDictionary<string, IOpenApiMediaType>? content, out bool any)
    {
        any = false;
        if (content is null)
        {
            return null;
        }

        foreach (var entry in content)
        {
            if (entry.Key.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }

        var only = content.Count == 1 ? content.First() : default;
        if (only.Key is "application/octet-stream" or "*/*" && only.Value.Schema is { } schema
            && (schema is OpenApiSchemaReference || schema.Type is { } type && (type.HasFlag(JsonSchemaType.Object) || type.HasFlag(JsonSchemaType.Array))))
        {
            any = only.Key == "*/*";
            return new KeyValuePair<string, IOpenApiMediaType>("application/json", only.Value);
        }

        return null;
    }

    /// <summary>
    /// The operation's tags in snake_case; a tag without an ASCII letter or digit (<c>Заказы</c>) cannot be a filter
    /// category and is left out with a note, rather than becoming a tag shared by every such operation.
    /// </summary>
    private static List<string> DraftTags(OpenApiOperation operation, string id, List<string> notes)
    {
        var names = (operation.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).OfType<string>().Where(n => n.Length > 0).ToList();
        foreach (var name in names.Where(n => !n.Any(char.IsAsciiLetterOrDigit)))
        {
            notes.Add($"tag '{name}' of {id} has no ASCII letter or digit, so it cannot be a filter category: not drafted (add a tag of your own)");
        }

        var tags = names.Where(n => n.Any(char.IsAsciiLetterOrDigit)).Select(Identifier.SnakeCase).Distinct(StringComparer.Ordinal).ToList();
        foreach (var tag in tags.Where(t => Tables.CaseCategories.BuiltIn(t) is not null).ToList())
        {
            // A built-in category (settings, known, last_failed, rate_limit...) is CT0122 as a tag: drafted as <tag>_tag instead. So is
            // the id of a check no case has as a category (response_time): Allure tags a case with it when that check fails.
            notes.Add(Tables.CaseCategories.CheckIdOnly(tag)
                ? $"tag '{tag}' of {id} is the id of a check, which Allure gives a case as a tag when that check fails (no case has it as a filter category): drafted as '{tag}_tag'"
                : $"tag '{tag}' of {id} is a built-in filter category (a scenario, a status class, one of the checks {string.Join(", ", Tables.CaseCategories.RowChecks)} or settings/known/pact/invalid/last_failed): drafted as '{tag}_tag'");
            tags[tags.IndexOf(tag)] = tag + "_tag";
        }

        return [.. tags.Distinct(StringComparer.Ordinal)];
    }

    private static string UniqueId(string? operationId, string method, string path, HashSet<string> taken)
    {
        // An operationId with no ASCII letter or digit (получитьЗаказы) would be "operation": method and path say more.
        var id = Identifier.SnakeCase(operationId is { } given && given.Any(char.IsAsciiLetterOrDigit) ? given : $"{method} {path}");
        var unique = id;
        for (var i = 2; !taken.Add(unique); i++)
        {
            unique = $"{id}_{i}";
        }

        return unique;
    }
}
