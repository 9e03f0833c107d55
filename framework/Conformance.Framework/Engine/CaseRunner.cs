using System.Diagnostics;
using System.Text.Json;
using Conformance.Checks;
using Conformance.Contracts;
using Conformance.Probing;
using Conformance.Reporting;
using Conformance.Tables;
using Conformance.Targets;

namespace Conformance.Engine;

/// <summary>Runs one row: builds the probe, sends it (again after an unexpected 429, 502, 503 or 504 within bounds), runs every check.</summary>
public sealed class CaseRunner
{
    private readonly ConformanceRun run;

    internal CaseRunner(ConformanceRun run) => this.run = run;

    public CaseResult Invalid(InvalidEntry entry) =>
        new(entry.Api, entry.CaseName, null, Verdict.Broken, $"Invalid {entry.Kind}: {entry.Message}", null, [], [], null, run.Time.GetUtcNow(), TimeSpan.Zero);

    public async Task<CaseResult> RunAsync(StatusRow row, CancellationToken cancellationToken)
    {
        var started = run.Time.GetUtcNow();
        var watch = Stopwatch.StartNew();
        var loaded = run.Contracts.Find(row.Api)!;
        var pack = loaded.Pack!;
        if (row.Skip is not null)
        {
            return Done(row, Verdict.Skipped, $"Skipped by the table: {row.Skip}", null, [], [], null, started, watch);
        }

        if (run.RunSettingErrors.Count > 0)
        {
            return Done(row, Verdict.Broken, $"Invalid run settings, no probe was sent:{Environment.NewLine}{string.Join(Environment.NewLine, run.RunSettingErrors)}", null, [], [], null, started, watch);
        }

        if (!run.Clients.TryGetValue(row.Api, out var client))
        {
            var errors = run.TargetErrors(row.Api);
            return Done(row, Verdict.Broken, errors.Count > 0
                ? $"Invalid target settings, no probe was sent:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}"
                : $"Target unreachable: no target is configured for '{row.Api}'", null, [], [], null, started, watch);
        }

        pack = run.PackFor(row.Api) ?? pack;
        var written = row;
        row = VarBinding.Bind(row, client.Options.Vars);
        var operation = pack.Operations[row.OperationId];
        var setup = CaseSetup.For(operation, row);
        var scenario = ScenarioCatalog.Find(row.ScenarioId)!;
        var input = Input(pack, operation, row.With, client.Options.Vars, client);
        using var breaker = new BreakerGuard(client, run.BreakerFor(row.Api)!);
        var sender = new MutationGuard(client, breaker);
        var cleanupMutates = setup?.Cleanup is { } c && pack.Operations[c].Mutates;
        if ((operation.Mutates || setup is not null && pack.Operations[setup.Op].Mutates || cleanupMutates) && !client.Options.AllowMutation)
        {
            var what = operation.Mutates ? "mutates" : pack.Operations[setup!.Op].Mutates ? $"needs setup '{setup.Op}', which mutates," : $"needs cleanup '{setup.Cleanup}', which mutates,";
            return Done(row, Verdict.Skipped, $"Skipped: operation '{operation.Id}' {what} and {row.Api}.allowMutation is not true for {client.Options.BaseUrl.Host}{Mutation.Hint(row.Api)}", null, [], [], null, started, watch);
        }

        // The probe itself may mutate where its operation does not (wrong_method: a DELETE to a GET path). Refused as the
        // sender would refuse it, and before a missing credential or a token request: no credential would let it be sent.
        var refusal = await ProbeRefusalAsync(scenario, input, client, cancellationToken);
        if (refusal is not null && !run.Settings.DryRun)
        {
            return Done(row, Verdict.Skipped, $"Skipped: {refusal}{Mutation.Hint(row.Api)}", null, [], [], null, started, watch);
        }

        var needsCredential = refusal is null && (scenario.NeedsCredential(input) || setup is not null);
        if (needsCredential && run.MissingCredentialFor(row.Api) is { } missing)
        {
            return Done(row, Verdict.Broken, $"No credential, no probe was sent: {missing}", null, [], [], null, started, watch);
        }

        if (needsCredential && !run.Settings.DryRun && await client.EnsureTokenAsync(run.Time, run.Redactor, cancellationToken) is { } noToken)
        {
            return Done(row, Verdict.Broken, $"No credential, no probe was sent: {run.Redactor.Text(noToken)}", null, [], [], null, started, watch);
        }

        input = client.Tokens is null ? input : Input(pack, operation, row.With, client.Options.Vars, client);
        if (run.Settings.DryRun)
        {
            return await PlanAsync(row, scenario, input, client, setup, started, watch, cancellationToken);
        }

        var gate = run.GateFor(row.Api)!;
        await using var entered = await gate.EnterAsync(scenario.RunsAlone, cancellationToken);
        SetupOutcome? prepared = null;
        var values = client.Options.Vars;
        var retried = new List<ProbeStep>();
        var retry = new BoundedRetry(run.Settings, run.Time);
        if (setup is not null)
        {
            // The setup is sent again by the probe's rules.
            var outcome = await RetriedSetup.RunAsync(setup, pack, client, sender, run.Redactor, retry, retried, run.Time, loaded.Schemas, cancellationToken);
            if (outcome.Failure is { } failed)
            {
                var message = RetriedSetup.Failure(outcome, failed, retried, retry, s => FailureMessage.Retried(s, answered: false));
                return breaker.Record(Done(row, outcome.Refused ? Verdict.Skipped : Verdict.Broken, message, ProbeExchange.Of(outcome.Step), [], retried, outcome.Curl, started, watch));
            }

            values = CaseSetup.Values(client.Options.Vars, outcome.Captured);
            row = VarBinding.Bind(written, values);
            input = Input(pack, VarBinding.Bind(loaded.Pack!.Operations[row.OperationId], values), written.With, values, client);
            prepared = outcome;
        }

        var mayChangeState = input.Operation.Mutates || scenario.RunsAlone;
        Task<ProbeExchange> SendAsync(ScenarioInput probe) => retry.SendAsync(() => scenario.RunAsync(probe, sender, cancellationToken), e => e, row.Expected, mayChangeState, retried, cancellationToken);
        var (exchange, unrenewed) = await TokenRenewal.ProbeAsync(await SendAsync(input), input, SendAsync, row, client, run.Time, run.Redactor, retried, cancellationToken);

        var cleanup = prepared is not null && setup!.Cleanup is not null
            ? await CaseCleanup.RunAsync(setup, pack, loaded.Pack!, values, client, sender, run.Redactor, cancellationToken, loaded.Rows)
            : null;
        exchange = prepared is null ? exchange : exchange with { Earlier = [prepared.Step, .. exchange.Earlier], Later = cleanup is null ? [] : [cleanup.Step] };

        var redactor = run.Redactor.With(exchange.Steps(retried));
        var curl = CurlLine.Build(client.Options.BaseUrl, pack.Auth, exchange.Request, redactor);
        curl = prepared is null ? curl : prepared.Curl + Environment.NewLine + curl; // the setup first: the probe's resource is the one it made
        curl = cleanup is null ? curl : curl + Environment.NewLine + cleanup.Curl;
        var judged = unrenewed is null
            ? Judge(row, loaded, pack, exchange, retried, curl, started, watch, cleanup?.Result, redactor, retry)
            : Done(row, Verdict.Broken, TokenRenewal.Failed(exchange, unrenewed), exchange, [], retried, curl, started, watch, redactor);
        var result = CaseCleanup.Report(judged, cleanup?.Result);
        return breaker.Record(result with
        {
            Message = redactor.Text(result.Message),
            Checks = result.Checks.Select(c => c with { Message = redactor.Text(c.Message), Details = c.Details.Select(redactor.Text).ToList() }).ToList(),
            Masking = redactor,
        });
    }

    private CaseResult Judge(StatusRow row, LoadedPack loaded, ApiPack pack, ProbeExchange exchange, List<ProbeStep> retried, string curl, DateTimeOffset started, Stopwatch watch, CheckResult? cleanup, Redactor redactor, BoundedRetry retry)
    {
        if (exchange.Failure is { Kind: "mutation_refused" } refused)
        {
            return Done(row, Verdict.Skipped, "Skipped: " + refused.Message, exchange, [], retried, curl, started, watch, redactor);
        }

        if (exchange.Response is not { } response)
        {
            var failure = exchange.Failure!;
            // Sent again (conformance.transportRetries, a 429 before): the message says so, not only the Allure files.
            return Done(row, Verdict.Broken, $"{failure.Heading}: {failure.Message}" + FailureMessage.RetriedWithoutAnswer(retried) + CurlLine.Reproduce(curl), exchange, [], retried, curl, started, watch, redactor);
        }

        if (response.Truncated)
        {
            return Done(row, Verdict.Broken, $"Response body larger than the cap of {run.Settings.MaxBodyBytes} bytes (conformance.maxBodyBytes); no verdict on a partial body" + CurlLine.Reproduce(curl), exchange, [], retried, curl, started, watch, redactor);
        }

        // Only the probe's 429/502/503/504 attempts are its bounded retries: not a 401 answered before a new token, nor a setup's.
        if (retry.Inconclusive(response, row.Expected, BoundedRetry.Count(retried, exchange.Final)) is { } inconclusive)
        {
            return Done(row, Verdict.Broken, inconclusive + CurlLine.Reproduce(curl), exchange, [], retried, curl, started, watch, redactor);
        }

        var schemaPath = BodySchemaResolver.Resolve(pack, row, response.Status);
        var context = new CheckContext(pack, row, exchange.Request, response, ParsedBody.From(response), schemaPath is null ? null : loaded.Schemas.Find(schemaPath), schemaPath)
        {
            BodyOptional = BodySchemaResolver.BodyOptional(pack, row, response.Status),
        };
        var results = new List<CheckResult>();
        foreach (var check in CheckCatalog.All)
        {
            try
            {
                results.Add(Evaluate(check, context, pack, row));
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or JsonException or InsufficientExecutionStackException or OverflowException)
            {
                // A response a check cannot digest must cost this case alone a verdict, never the run.
                return Done(row, Verdict.Broken, $"Check '{check.Id}' could not judge the response ({ex.GetType().Name}: {ex.Message}); no verdict", exchange, results, retried, curl, started, watch, redactor);
            }
        }

        if (cleanup is not null)
        {
            results.Add(cleanup);
        }

        var verdict = results.Any(r => r.Outcome == Outcome.Failed) ? Verdict.Failed : Verdict.Passed;
        var message = FailureMessage.Format(row.CaseName, row.Location.ToString(), results, exchange, retried, curl, redactor);
        var result = Done(row, verdict, message, exchange, results, retried, curl, started, watch, redactor);
        return row.Known is { } known ? KnownIssue.Apply(result, known, row.KnownChecks, row.KnownUntil, DateOnly.FromDateTime(run.Time.GetUtcNow().UtcDateTime)) : result;
    }

    private static ScenarioInput Input(ApiPack pack, Operation operation, IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> with, IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> values, TargetClient client) =>
        new(pack, operation, Baseline.Build(pack, operation, Token(client)), VarBinding.Bind(with, values)) { BaseUrl = client.Options.BaseUrl };

    /// <summary>The credential to send: the target's, or, before a fetched one exists (a dry run), a placeholder every report masks.</summary>
    private static string? Token(TargetClient client) => client.Options.Token ?? (client.Tokens is null ? null : Targets.OAuth.TokenSource.NotFetched);

    /// <summary>Why the scenario's first request may not be sent to the target (it mutates, allowMutation is not true), else null.</summary>
    private static async Task<string?> ProbeRefusalAsync(IScenario scenario, ScenarioInput input, TargetClient client, CancellationToken cancellationToken)
    {
        if (client.Options.AllowMutation)
        {
            return null; // nothing is refused: the probe is not built twice (the embedded reference API, every case)
        }

        var recorder = new RecordingSender();
        await scenario.RunAsync(input, recorder, cancellationToken);
        return recorder.Requests.Count > 0 ? Mutation.Refusal(recorder.Requests[0].Method, client.Options) : null;
    }

    /// <summary>The case under <c>conformance.dryRun</c>: skipped, saying what it would send (redacted), nothing sent.</summary>
    private async Task<CaseResult> PlanAsync(StatusRow row, IScenario scenario, ScenarioInput input, TargetClient client, OperationSetup? setup, DateTimeOffset started, Stopwatch watch, CancellationToken cancellationToken)
    {
        var recorder = new RecordingSender();
        await scenario.RunAsync(input, recorder, cancellationToken);
        var planned = recorder.Requests.Count > 0 ? recorder.Requests[0] : null;
        if (planned is null)
        {
            return Done(row, Verdict.Skipped, "Dry run (conformance.dryRun=true): nothing sent; the scenario would send no request.", null, [], [], null, started, watch);
        }

        var curl = CurlLine.Alone(client.Options.BaseUrl, input.Pack.Auth, planned, run.Redactor);
        var what = Mutation.Refusal(planned.Method, client.Options) is { } refusal
            ? $"would not send it ({refusal}): {curl}"
            : $"would send: {curl}{(scenario.DryRunNote(input) is { } note ? $" ({note})" : string.Empty)}";
        if (setup is not null)
        {
            string Curl(string op) => CurlLine.Alone(client.Options.BaseUrl, input.Pack.Auth, Baseline.Build(input.Pack, input.Pack.Operations[op], Token(client)), run.Redactor);
            var captures = setup.Capture.Count == 0 ? string.Empty : $"it would capture {string.Join(", ", setup.Capture.Select(c => $"{c.Key} from {c.Value}"))} (at their defaults in the probe shown); ";
            what = $"setup '{setup.Op}' first: {Curl(setup.Op)}; {captures}then {what}";
            if (setup.Cleanup is { } name)
            {
                what = $"{what}; then cleanup '{name}': {Curl(name)}";
            }
        }

        return Done(row, Verdict.Skipped, $"Dry run (conformance.dryRun=true): nothing sent; {what}", null, [], [], curl, started, watch);
    }

    private static CheckResult Evaluate(ICheck check, CheckContext context, ApiPack pack, StatusRow row)
    {
        var severity = row.Checks.TryGetValue(check.Id, out var s) ? s : pack.CheckSeverities.GetValueOrDefault(check.Id, Severity.Error);
        if (severity == Severity.Off)
        {
            return CheckResult.Skip(check.Id, "Turned off for this pack or row.");
        }

        var result = check.Evaluate(context);
        return severity == Severity.Warning && result.Outcome == Outcome.Failed ? result with { Outcome = Outcome.Warning } : result;
    }

    /// <param name="redactor">The case's redactor when the caller has it, else the run's with what <paramref name="exchange"/> carried.</param>
    private CaseResult Done(StatusRow row, Verdict verdict, string message, ProbeExchange? exchange, IReadOnlyList<CheckResult> checks, IReadOnlyList<ProbeStep> retried, string? curl, DateTimeOffset started, Stopwatch watch, Redactor? redactor = null)
    {
        // A setup that failed quotes its response's body: the credentials that exchange carried are masked in it too.
        redactor ??= exchange is null ? run.Redactor : run.Redactor.With(exchange.Steps(retried));
        return new(row.Api, row.CaseName, row, verdict, redactor.Text(message), exchange, checks, retried, curl is null ? null : redactor.Text(curl), started, watch.Elapsed);
    }
}
