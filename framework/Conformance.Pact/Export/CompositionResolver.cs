using System.Text.Json.Nodes;
using Conformance.Schema;

namespace Conformance.Pact.Export;

/// <summary>
/// A schema (refs inlined) without the composition keywords its minimal example would meet, so that
/// <see cref="SchemaExample"/> and <see cref="SchemaMatchers"/> see one shape: <c>allOf</c> members are merged into
/// their parent; of <c>anyOf</c>/<c>oneOf</c>, the first branch whose example the whole schema at that place accepts is
/// merged in (and said in a note: the pact then expects that shape, where the contract accepts the others too);
/// <c>not</c> is dropped when the example still meets it. Only what the example reaches is resolved: required
/// properties and the items of arrays with <c>minItems</c>. Throws <see cref="NotSupportedException"/> saying where
/// when no choice gives an accepted example.
/// </summary>
internal static class CompositionResolver
{
    private static readonly string[] Choices = ["anyOf", "oneOf"];

    public static JsonNode Resolve(JsonNode schema, List<string> notes, string path = "$")
    {
        if (schema is not JsonObject original)
        {
            return schema.DeepClone();
        }

        var resolved = (JsonObject)original.DeepClone();
        if (resolved["allOf"] is JsonArray all)
        {
            resolved.Remove("allOf");
            foreach (var member in all)
            {
                resolved = SchemaMerge.Merge(resolved, member as JsonObject ?? throw new NotSupportedException($"{path}: an allOf member is not a schema object"), path);
            }

            return Checked(Compile(original, path), Resolve(resolved, notes, path), path, "allOf");
        }

        if (Choices.FirstOrDefault(resolved.ContainsKey) is { } keyword)
        {
            return Choose(original, resolved, keyword, notes, path);
        }

        if (resolved.Remove("not"))
        {
            return Checked(Compile(original, path), Resolve(resolved, notes, path), path, "not");
        }

        ResolveMembers(resolved, notes, path);
        return resolved;
    }

    private static JsonNode Choose(JsonObject original, JsonObject resolved, string keyword, List<string> notes, string path)
    {
        var branches = resolved[keyword] as JsonArray ?? throw new NotSupportedException($"{path}: {keyword} is not an array");
        resolved.Remove(keyword);
        var whole = Compile(original, path);
        var reasons = new List<string>();
        for (var i = 0; i < branches.Count; i++)
        {
            var branchNotes = new List<string>();
            try
            {
                var branch = branches[i] as JsonObject ?? throw new NotSupportedException("not a schema object");
                var candidate = Resolve(SchemaMerge.Merge((JsonObject)resolved.DeepClone(), branch, path), branchNotes, path);
                if (Rejection(whole, candidate) is { } rejection)
                {
                    reasons.Add($"branch {i + 1}: {rejection}");
                    continue;
                }

                notes.AddRange(branchNotes);
                notes.Add($"{path}: {keyword} branch {i + 1} of {branches.Count} gives the body's shape; the contract accepts the other branches too, the pact does not");
                return candidate;
            }
            catch (NotSupportedException e)
            {
                reasons.Add($"branch {i + 1}: {e.Message}");
            }
        }

        throw new NotSupportedException($"{path}: no {keyword} branch gives an example the schema accepts ({string.Join("; ", reasons)})");
    }

    private static JsonNode Checked(JsonSchema whole, JsonNode candidate, string path, string keyword) =>
        Rejection(whole, candidate) is { } rejection
            ? throw new NotSupportedException($"{path}: with {keyword} resolved, {rejection}")
            : candidate;

    /// <summary>The schema at <paramref name="path"/> compiled once, to judge every candidate's example against.</summary>
    private static JsonSchema Compile(JsonObject original, string path)
    {
        var compiled = JsonSchema.Parse(original.ToJsonString());
        return compiled.Schema ?? throw new NotSupportedException($"{path}: the schema does not compile ({compiled.Diagnostics[0].What}: {compiled.Diagnostics[0].Why})");
    }

    /// <summary>Why the example of <paramref name="candidate"/> does not meet <paramref name="whole"/>, or null when it does.</summary>
    private static string? Rejection(JsonSchema whole, JsonNode candidate)
    {
        var example = SchemaExample.Create(candidate);
        var result = whole.Validate(example);
        return result.IsValid ? null : $"its example {example?.ToJsonString() ?? "null"} is refused ({result.Errors[0].Message})";
    }

    private static void ResolveMembers(JsonObject schema, List<string> notes, string path)
    {
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var name in (schema["required"] as JsonArray ?? []).Select(n => n?.GetValue<string>()).OfType<string>())
            {
                if (properties[name] is { } member)
                {
                    properties[name] = Resolve(member, notes, SchemaMatchers.MemberPath(path, name));
                }
            }
        }

        if (schema["items"] is { } items && (schema["minItems"]?.GetValue<int>() ?? 0) > 0)
        {
            schema["items"] = Resolve(items, notes, $"{path}[*]");
        }
    }
}
