using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Contracts;
using Conformance.Probing;
using Conformance.Reporting;
using Conformance.Tables;
using Conformance.Targets;

namespace Conformance.Engine;

/// <summary>
/// A case's <c>setup:</c>: the setup operation's valid request, sent before the probe; a 2xx answer's captured values
/// (JSON Pointers into its body, or response headers) then stand in for those variables in the probe and in the row's body values.
/// </summary>
internal static class CaseSetup
{
    private const int BodyExcerpt = 300;

    /// <summary>Why an empty, "." or ".." id is not captured: in a path, the URL's dot segments are removed, and the probe (a DELETE, perhaps) would go to the collection or its parent.</summary>
    private const string NoSegmentWhy = "in the probe's path it would name another resource (an empty, \".\" or \"..\" segment is removed from the URL, RFC 3986 5.2.4), so no probe was sent";

    /// <summary>The setup this row runs: its operation's, unless the row says <c>setup: false</c>.</summary>
    public static OperationSetup? For(Operation operation, StatusRow row) => row.NoSetup ? null : operation.Setup;

    /// <param name="token">The credential to send in place of the target's (a token fetched after the target refused it).</param>
    /// <param name="schemas">The pack's schemas: a 2xx answer must meet the setup operation's <c>schema:</c>; none checked when null.</param>
    public static async Task<SetupOutcome> RunAsync(OperationSetup setup, ApiPack pack, TargetClient client, IProbeSender sender, Redactor redactor, CancellationToken cancellationToken, string? token = null, SchemaCatalog? schemas = null)
    {
        var request = Baseline.Build(pack, pack.Operations[setup.Op], token ?? client.Options.Token);
        var step = await sender.SendAsync(request, cancellationToken) with { Label = $"Setup ({setup.Op})" };
        var curl = CurlLine.Alone(client.Options.BaseUrl, pack.Auth, request, redactor);
        var failure = Failure(setup, step, pack.Vars, out var captured)
            ?? (step.Response is { } answer ? SetupContract.Violation(Prefix(setup), pack.Operations[setup.Op].Schema, schemas, answer) : null);
        var refused = step.Failure is { Kind: "mutation_refused" };
        return new SetupOutcome(step, captured, failure is null || refused ? failure : failure + CurlLine.Reproduce(curl), curl) { Refused = refused };
    }

    /// <summary>The target's variable values with the captured ones in their place.</summary>
    public static IReadOnlyDictionary<string, JsonNode?> Values(IReadOnlyDictionary<string, JsonNode?> target, IReadOnlyDictionary<string, JsonNode?> captured)
    {
        var values = new Dictionary<string, JsonNode?>(target, StringComparer.Ordinal);
        foreach (var (name, value) in captured)
        {
            values[name] = value;
        }

        return values;
    }

    private static string? Failure(OperationSetup setup, ProbeStep step, IReadOnlyDictionary<string, JsonNode?> declared, out Dictionary<string, JsonNode?> captured)
    {
        captured = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var prefix = Prefix(setup);
        if (step.Response is not { } response)
        {
            var failure = step.Failure!;
            return failure.Kind switch
            {
                "mutation_refused" => $"Skipped: setup '{setup.Op}': {failure.Message}",
                "breaker" => CaseBreaker.SetupNotSent(failure, setup.Op), // one cause: the breaker, not a setup that failed
                _ => $"{prefix}: {failure.Heading}: {failure.Message}",
            };
        }

        var status = response.Status.ToString(CultureInfo.InvariantCulture);
        if (response.Status is < 200 or > 299 || response.Truncated)
        {
            var why = response.Truncated ? "with a body over the cap (conformance.maxBodyBytes)" : $"{status} {response.Reason}, expected a 2xx";
            return $"{prefix} answered {why}{Environment.NewLine}Body: {Excerpt(response)}";
        }

        foreach (var (name, source) in setup.Capture.Where(c => c.Value.Header is not null))
        {
            if (FromHeader(name, source, response, declared) is { } value)
            {
                if (NoSegment(value.ToString()))
                {
                    return $"{prefix} answered {status} with \"{value}\" from {source.Header} to capture as {name}: {NoSegmentWhy}{Environment.NewLine}Body: {Excerpt(response)}";
                }

                captured[name] = value;
                continue;
            }

            var seen = response.Header(source.Header!) switch
            {
                null => $"without a {source.Header} header",
                { Length: 0 } => $"with an empty {source.Header} header",
                var text => $"with {source.Header}: {(text.Length > BodyExcerpt ? text[..BodyExcerpt] + "..." : text)}, from which the pattern {source.Pattern} takes no value,",
            };
            return $"{prefix} answered {status} {seen} to capture as {name}{Environment.NewLine}Body: {Excerpt(response)}";
        }

        var pointers = setup.Capture.Where(c => c.Value.Pointer is not null).ToList();
        return pointers.Count == 0 ? null : FromBody(prefix, status, pointers, response, captured);
    }

    private static JsonNode? FromHeader(string name, CaptureSource source, ProbeResponse response, IReadOnlyDictionary<string, JsonNode?> declared)
    {
        try
        {
            return response.Header(source.Header!) is { } text && source.Take(text) is { Length: > 0 } value ? CaptureSource.Typed(value, declared.GetValueOrDefault(name)) : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static bool NoSegment(string? value) => value is "" or "." or "..";

    private static string? FromBody(string prefix, string status, List<KeyValuePair<string, CaptureSource>> pointers, ProbeResponse response, Dictionary<string, JsonNode?> captured)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(response.Body);
        }
        catch (JsonException)
        {
            return $"{prefix} answered {status} with a body that is not JSON, nothing to capture {string.Join(", ", pointers.Select(p => p.Key))} from{Environment.NewLine}Body: {Excerpt(response)}";
        }

        using (document)
        {
            if (Checks.JsonUnicode.LoneSurrogate(response.Body.Span) is { } lone)
            {
                return $"{prefix} answered {status} with a body whose text cannot be read ({lone}), nothing to capture {string.Join(", ", pointers.Select(p => p.Key))} from{Environment.NewLine}Body: {Excerpt(response)}";
            }

            foreach (var (name, source) in pointers)
            {
                if (!JsonPointer.TryResolve(document.RootElement, source.Pointer!, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    return $"{prefix} answered {status} without a value at {source.Pointer} to capture as {name}{Environment.NewLine}Body: {Excerpt(response)}";
                }

                if (value.ValueKind == JsonValueKind.String && NoSegment(value.GetString()))
                {
                    return $"{prefix} answered {status} with \"{value.GetString()}\" at {source.Pointer} to capture as {name}: {NoSegmentWhy}{Environment.NewLine}Body: {Excerpt(response)}";
                }

                captured[name] = JsonNode.Parse(value.GetRawText());
            }
        }

        return null;
    }

    /// <summary>How every message of a setup that sent no probe begins.</summary>
    private static string Prefix(OperationSetup setup) => $"Setup failed, no probe was sent: {setup.Op}";

    internal static string Excerpt(ProbeResponse response) => response.Excerpt(BodyExcerpt) is { Length: > 0 } text ? text : "(empty)";
}

/// <summary>What a setup gave: its exchange, the captured values, or why the probe was not sent.</summary>
internal sealed record SetupOutcome(ProbeStep Step, IReadOnlyDictionary<string, JsonNode?> Captured, string? Failure, string Curl)
{
    /// <summary>True when the setup was not sent because it mutates on a target that does not allow it.</summary>
    public bool Refused { get; init; }
}
