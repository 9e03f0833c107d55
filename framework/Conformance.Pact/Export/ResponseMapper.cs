using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Contracts;
using Conformance.Tables;

namespace Conformance.Pact.Export;

/// <summary>
/// The expected response of a row: its first acceptable status, the headers it asserts, and a body derived
/// from the JSON Schema for that status (compositions resolved to one shape, a minimal example loosened by schema
/// matchers, the row's own body assertions applied). What cannot be expressed is left out and noted.
/// </summary>
internal static class ResponseMapper
{
    public static PactResponse Map(LoadedPack loaded, StatusRow row, List<string> notes)
    {
        var pack = loaded.Pack!;
        var status = row.Expected[0];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var body = Body(loaded, row, status, notes);
        if (body is not null)
        {
            // As content_type_conformance judges it: a JSON contract accepts parameters (charset) and a +json vendor type.
            headers["Content-Type"] = body.Value.ContentType == "application/json"
                ? new JsonObject { ["value"] = "application/json", ["pact:matcher:type"] = "regex", ["regex"] = @"^application/([^;/]+\+)?json(\s*;.*)?$" }.ToJsonString()
                : body.Value.ContentType;
        }

        foreach (var assertion in row.Headers)
        {
            if (body is not null && assertion.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (HeaderExpectation.For(assertion, out var problem) is { } value)
            {
                headers[assertion.Name] = value;
            }
            else
            {
                notes.Add(problem!);
            }
        }

        return new PactResponse(status, headers, body?.Json, body?.Matchers ?? []) { AcceptableStatuses = row.Expected };
    }

    private static (string Json, string ContentType, IReadOnlyList<BodyMatcher> Matchers)? Body(LoadedPack loaded, StatusRow row, int status, List<string> notes)
    {
        var pack = loaded.Pack!;
        if (row.EmptyBody || status is 204 or 304 || BodySchemaResolver.Resolve(pack, row, status) is not { } schemaPath)
        {
            return null;
        }

        if (BodySchemaResolver.BodyOptional(pack, row, status))
        {
            // The verifier would require the body the pact holds; the contract lets the provider leave it out.
            notes.Add($"body left out: errors.{pack.ErrorContractFor(status)!.Pattern} says body: optional, so an answer without one is conformant, and a pact body would require one");
            return null;
        }

        // Several statuses whose contract is the same body (200|201 of a create, both the operation's schema) keep it.
        if (row.Expected.Any(s => s is 204 or 304 || BodySchemaResolver.Resolve(pack, row, s) != schemaPath || BodySchemaResolver.BodyOptional(pack, row, s)))
        {
            // The verifier checks whatever status comes back against this one body: a 404's error body against a 200's.
            notes.Add($"body left out: the row accepts {row.ExpectedText}, and a pact checks every answer against one body ({schemaPath} is for {status})");
            return null;
        }

        var contentType = (status is >= 200 and < 300 ? null : pack.ErrorContractFor(status)?.ContentType) ?? "application/json";
        if (!contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            notes.Add($"body left out: {schemaPath} describes {contentType}, and only JSON bodies are exported");
            return null;
        }

        try
        {
            var choices = new List<string>();
            var schema = CompositionResolver.Resolve(SchemaInliner.Inline(JsonNode.Parse(Files.WholeFile.Text(Path.Combine(pack.Folder, schemaPath), Files.FileKind.Pack))!), choices);
            var example = SchemaExample.Create(schema);
            var matchers = FullMatch.Whole(SchemaMatchers.From(ToElement(schema), ToElement(example))).ToList();
            RowBodyRules.Apply(row, example, matchers, notes);
            var result = loaded.Schemas.Find(schemaPath)?.Validate(example);
            if (result is { IsValid: false })
            {
                notes.Add($"body left out: the derived example {example?.ToJsonString()} does not meet {schemaPath} ({result.Errors[0].Message})");
                return null;
            }

            notes.AddRange(choices.Select(c => $"body of {schemaPath}: {c}"));
            return (example?.ToJsonString() ?? "null", contentType, matchers);
        }
        catch (NotSupportedException e)
        {
            notes.Add($"body left out: no minimal example of {schemaPath}: {e.Message}");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            notes.Add($"body left out: {schemaPath} could not be read again ({e.Message.TrimEnd('.')})"); // it changed since the pack was loaded
            return null;
        }
    }

    private static JsonElement ToElement(JsonNode? node) => JsonSerializer.SerializeToElement(node);
}
