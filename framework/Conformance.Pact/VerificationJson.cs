using System.Text.Json;

namespace Conformance.Pact;

/// <summary>
/// Reads the document of <c>pactffi_verifier_json</c>: its <c>interactionResults</c> array holds, per interaction,
/// <c>description</c>, <c>result</c> ("OK" or "Error"), <c>pending</c>, <c>providerStates</c> (the states' names) and, when
/// failed, <c>mismatch</c>:
/// either <c>{"type":"mismatches","mismatches":[{"type","path"?,"mismatch"}...]}</c> or <c>{"type":"error","message"}</c>.
/// The credentials the provider handed out that the mismatches quote are masked in each (<see cref="MismatchSecrets"/>).
/// </summary>
internal static class VerificationJson
{
    /// <summary>The verifier's words when a provider state could not be set up: it then sends no request.</summary>
    private const string SetupFailed = "setup state change handlers has failed";

    internal static IReadOnlyList<InteractionVerification> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("interactionResults", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            throw new PactException($"The verifier's JSON has no 'interactionResults' array; libpact_ffi 0.5.x writes one. JSON: {json}");
        }

        return [.. results.EnumerateArray().Select(Interaction)];
    }

    private static InteractionVerification Interaction(JsonElement result)
    {
        var description = Text(result, "description") ?? string.Empty;
        var passed = Text(result, "result") == "OK";
        var pending = result.TryGetProperty("pending", out var flag) && flag.ValueKind == JsonValueKind.True;
        var hasDetail = result.TryGetProperty("mismatch", out var detail);
        var secrets = hasDetail ? MismatchSecrets.Of(detail) : [];
        var mismatch = hasDetail ? Masked(Describe(detail), secrets) : null;
        return new InteractionVerification(description, passed, passed ? null : mismatch ?? "The verifier reported a failure without details.")
        {
            HandedOut = secrets,
            Pending = pending,
            Broken = !passed && result.TryGetProperty("mismatch", out var kind) && Text(kind, "type") == "error",
            Unsent = !passed && mismatch is not null && mismatch.Contains(SetupFailed, StringComparison.Ordinal),
            ProviderStates = result.TryGetProperty("providerStates", out var states) && states.ValueKind == JsonValueKind.Array && states.GetArrayLength() > 0
                ? [.. states.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!)]
                : [],
        };
    }

    /// <summary>The text with what the provider handed out (<see cref="MismatchSecrets"/>) masked.</summary>
    internal static string Masked(string text, IReadOnlyList<string> secrets) =>
        secrets.Count == 0 ? text : Reporting.Redactor.None.WithSecrets([.. secrets]).Text(text);

    /// <summary>One line per mismatch: body mismatches as "path -> text", others as their text.</summary>
    private static string Describe(JsonElement detail)
    {
        if (detail.TryGetProperty("mismatches", out var mismatches) && mismatches.ValueKind == JsonValueKind.Array)
        {
            return string.Join('\n', mismatches.EnumerateArray().Select(Line));
        }

        return Text(detail, "message") ?? detail.GetRawText();
    }

    private static string Line(JsonElement mismatch)
    {
        var text = Text(mismatch, "mismatch") ?? mismatch.GetRawText();
        return Text(mismatch, "path") is { Length: > 0 } path ? $"{path} -> {text}" : text;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
