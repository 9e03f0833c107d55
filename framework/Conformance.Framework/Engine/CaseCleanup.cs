using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Contracts;
using Conformance.Probing;
using Conformance.Reporting;
using Conformance.Tables;
using Conformance.Targets;

namespace Conformance.Engine;

/// <summary>
/// A setup's <c>cleanup:</c>: after the probe, whatever its verdict, the cleanup operation's valid request with the
/// case's captured values, so the resource the setup made does not stay on the target. Its outcome never changes the
/// case's verdict: a cleanup that fails is a warning naming what may remain, with its curl line.
/// </summary>
internal static class CaseCleanup
{
    /// <summary>The id its result is reported under, beside the checks' (not a check of the response under test).</summary>
    public const string Id = "setup_cleanup";

    /// <param name="rows">The pack's rows: its <c>unknown_id</c> rows of the cleanup operation say what "already gone" looks like (<see cref="CleanupGone"/>).</param>
    public static async Task<CleanupOutcome> RunAsync(OperationSetup setup, ApiPack pack, ApiPack unbound, IReadOnlyDictionary<string, JsonNode?> values, TargetClient client, IProbeSender sender, Redactor redactor, CancellationToken cancellationToken, IEnumerable<StatusRow>? rows = null)
    {
        var name = setup.Cleanup!;
        var request = Baseline.Build(pack, VarBinding.Bind(unbound.Operations[name], values), client.Options.Token);
        var step = await sender.SendAsync(request, cancellationToken) with { Label = $"Cleanup ({name})" };
        var curl = CurlLine.Alone(client.Options.BaseUrl, pack.Auth, request, redactor);
        // The pack's rows are searched only for an answer that is neither a 2xx nor 404/410, not for every case.
        var gone = step.Response is { Status: (>= 200 and <= 299) or 404 or 410 } ? [] : CleanupGone.RowsFor(rows ?? [], name);
        return new CleanupOutcome(step, Judge(name, setup.Op, step, curl, pack, gone), curl);
    }

    /// <summary>
    /// 2xx pass; so do 404/410 and the answer <paramref name="gone"/> (the cleanup operation's unknown_id rows) expects,
    /// when the probe itself removed the resource; anything else is a warning.
    /// </summary>
    public static CheckResult Judge(string name, string setupOp, ProbeStep step, string curl, ApiPack pack, IReadOnlyList<StatusRow> gone)
    {
        var sent = $"{step.Request.Method} {step.Request.Path}";
        if (step.Response is { Status: >= 200 and <= 299 } done)
        {
            return CheckResult.Pass(Id, $"Cleanup {name} answered {Status(done)}");
        }

        if (step.Response is { Status: 404 or 410 } missing)
        {
            return CheckResult.Pass(Id, $"Cleanup {name} answered {Status(missing)} (already gone: the probe removed it)");
        }

        if (step.Response is { } answer && CleanupGone.Matches(pack, gone, step.Request, answer))
        {
            return CheckResult.Pass(Id, $"Cleanup {name} answered {Status(answer)} (already gone, as {name} / unknown_id expects: the probe removed it)");
        }

        var received = step.Response is { } response
            ? $"{Status(response)}{Excerpt(response)}"
            : $"no response: {(step.Failure!.Kind == "mutation_refused" ? string.Empty : $"target unreachable ({step.Failure.Kind}), ")}{step.Failure.Message}";
        return new CheckResult(Id, Outcome.Warning,
            $"Cleanup failed: {sent} ({name}) / Expected: a 2xx, or {Gone(name, gone)} if the probe removed it / Received: {received}",
            [$"What the setup ({setupOp}) made may still be on the target; remove it with: {curl}"]);
    }

    /// <summary>
    /// Every case reports its cleanup: a case that ended before the checks (no usable response, a refused probe) gets the
    /// result among its checks, and a warning in its message unless the message has it already.
    /// </summary>
    public static CaseResult Report(CaseResult result, CheckResult? cleanup)
    {
        if (cleanup is null)
        {
            return result;
        }

        // A known issue's verdict rewrites the message; the warning and its removal line must survive it.
        var checks = result.Checks.Any(c => c.CheckId == Id) ? result.Checks : [.. result.Checks, cleanup];
        var message = cleanup.Outcome == Outcome.Warning && !result.Message.Contains($"WARNING {Id}: ", StringComparison.Ordinal)
            ? $"{result.Message}{Environment.NewLine}WARNING {Id}: {cleanup.Message}{Environment.NewLine}    {string.Join(Environment.NewLine + "    ", cleanup.Details)}"
            : result.Message;
        return result with { Checks = checks, Message = message };
    }

    private static string Gone(string name, IReadOnlyList<StatusRow> gone) => gone.Count == 0
        ? "404/410"
        : $"404/410 or what {name} / unknown_id expects ({string.Join(", ", gone.Select(r => r.ExpectedText).Distinct(StringComparer.Ordinal))})";

    private static string Status(ProbeResponse response) => $"{response.Status.ToString(CultureInfo.InvariantCulture)} {response.Reason}".TrimEnd();

    private static string Excerpt(ProbeResponse response) => response.Excerpt(200) is { Length: > 0 } text ? $", body {text}" : string.Empty;
}

/// <summary>The cleanup's exchange, its result, and its curl line.</summary>
internal sealed record CleanupOutcome(ProbeStep Step, CheckResult Result, string Curl);
