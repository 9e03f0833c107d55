using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Probing;
using Conformance.Reporting;
using Conformance.Targets;

namespace Conformance.Pact.States;

/// <summary>
/// Honours a pack's setup states (<see cref="SetupState"/>) during a verification: on setup it runs the setup operation
/// against the target with the code the suites use for a row's setup (the target's credential, TLS settings, mutation
/// rule, request budget and redaction) and returns the captured values, which the verifier puts into the interaction's
/// ProviderState generators; on teardown, or at the latest when disposed, it runs the setup's cleanup with them. Other
/// states (the scenario names) need nothing and get no values. A setup is sent again as a row's setup is, by the same code
/// (<see cref="RetriedSetup"/>): after a 429, 502, 503 or 504 within the run's bounded retries (<see cref="Run"/>), and,
/// answered 401 to a token fetched by OAuth (<c>&lt;api&gt;.tokenUrl</c>), once more with a new one
/// (<see cref="TokenRenewal"/>): the verification's own requests then carry the new token too. A cleanup is sent once, as a
/// row's is.
/// </summary>
public sealed class SetupStates : IProviderStateHandler, IAsyncDisposable
{
    private readonly ApiPack written;
    private readonly ApiPack bound;
    private readonly TargetClient client;
    private readonly Redactor redactor;
    private readonly TimeProvider time;
    private readonly Dictionary<string, List<Made>> pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> calls = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly ConcurrentQueue<string> cleanupWarnings = new();
    private readonly ConcurrentQueue<LeftOver> leftOvers = new();

    /// <param name="pack">The pack as api.yaml writes it; its variables take the target's values (<c>client.Options.Vars</c>).</param>
    /// <param name="client">The target the setups are sent to.</param>
    /// <param name="redactor">Masks the target's secrets in every failure.</param>
    /// <param name="time">The run's clock, for a fetched token's lifetime; the system's when null.</param>
    public SetupStates(ApiPack pack, TargetClient client, Redactor redactor, TimeProvider? time = null)
    {
        this.time = time ?? TimeProvider.System;
        written = pack;
        bound = VarBinding.Bind(pack, client.Options.Vars);
        this.client = client;
        this.redactor = redactor;
    }

    /// <summary>The pack's schemas: a setup's 2xx answer must then meet its operation's <c>schema:</c>, as a row's setup must; none checked when null.</summary>
    public SchemaCatalog? Schemas { get; init; }

    /// <summary>The pack's rows: a cleanup's "already gone" is also what the cleanup operation's unknown_id rows expect, as for a row's cleanup.</summary>
    public IReadOnlyList<Tables.StatusRow> Rows { get; init; } = [];

    /// <summary>
    /// The run whose limits a setup keeps, as a row's setup does: <c>conformance.maxRetries</c>,
    /// <c>maxRetryWaitSeconds</c> and <c>transportRetries</c> (<see cref="RunSettings.Default"/>'s without a run); and,
    /// when the client is the run's own for the pack, that API's circuit breaker, which keeps a setup back once open and
    /// counts each setup's end as it counts a row's setup (another target, such as the reference API's own instance, has
    /// none).
    /// </summary>
    public ConformanceRun? Run { get; init; }

    /// <summary>How the failure of a setup the target's mutation rule refused begins (the interaction is skipped, as a row is).</summary>
    public const string Refused = "Skipped: provider state '";

    /// <summary>Each cleanup that did not pass (the resource may remain), with the curl line that removes it; masked.</summary>
    public IReadOnlyCollection<string> CleanupWarnings => cleanupWarnings;

    public async Task<ProviderStateResult> ChangeAsync(ProviderStateChange change, CancellationToken cancellationToken)
    {
        if (SetupState.Find(written, change.State) is not { } setup)
        {
            return ProviderStateResult.None;
        }

        if (!change.Setup)
        {
            return Latest(change.State) is { } made
                ? ProviderStateResult.None with { Warning = await CleanupAsync(setup, made, cancellationToken) }
                : ProviderStateResult.None;
        }

        int call;
        lock (gate)
        {
            call = calls[change.State] = calls.GetValueOrDefault(change.State, -1) + 1; // its place among the state's setup calls, as it came
        }

        using var breaker = Run?.Clients.GetValueOrDefault(client.Options.Api) == client && Run.BreakerFor(client.Options.Api) is { } own ? new BreakerGuard(client, own) : null;
        var retry = new BoundedRetry(Run?.Settings ?? RunSettings.Default, time);
        var retried = new List<ProbeStep>();
        var outcome = await RetriedSetup.RunAsync(setup, bound, client, new MutationGuard(client, breaker), redactor, retry, retried, time, Schemas, cancellationToken);
        breaker?.Record(change.State, setup.Op, outcome.Failure is not null, outcome.Step);
        if (outcome.Refused)
        {
            return ProviderStateResult.Failed($"{Refused}{change.State}': setup '{setup.Op}': {outcome.Step.Failure!.Message}" + Mutation.Hint(client.Options.Api));
        }

        if (outcome.Failure is { } failure)
        {
            var message = RetriedSetup.Failure(outcome, failure, retried, retry, FailureMessage.RetriedState);
            return ProviderStateResult.Failed(redactor.Text($"Provider state '{change.State}': {message}"));
        }

        // As a row masks what its own requests send in secret headers, query parameters or form fields (a captured
        // session token in X-Session-Token), so does the verification: the verifier sends the captured values.
        var values = CaseSetup.Values(client.Options.Vars, outcome.Captured);
        var secrets = redactor.Sent(Requests(setup, values));
        if (setup.Cleanup is not null)
        {
            lock (gate)
            {
                (pending.TryGetValue(change.State, out var made) ? made : pending[change.State] = []).Add(new Made(call, values, secrets));
            }
        }

        return new ProviderStateResult(Answer(outcome.Captured, change.Params), null)
        {
            Secrets = secrets,
            Notes = [.. retried.Select(s => redactor.Text(FailureMessage.RetriedState(s)))], // as a row's message names its setup sent again
        };
    }

    /// <summary>
    /// The captured values as the interaction's ProviderState generators read them: where the state's params name a
    /// variable's path variant (<see cref="SetupState.PathName"/>: the exported path is <c>${v.path}${v}</c>), the value
    /// escaped for a path segment as a row escapes it there, the value itself under <see cref="SetupState.RawName"/> (for
    /// headers and query parameters) and the variable empty; otherwise (a pact exported before) the value itself.
    /// </summary>
    private static JsonObject Answer(IReadOnlyDictionary<string, JsonNode?> captured, JsonObject given)
    {
        var answer = new JsonObject();
        foreach (var (name, value) in captured)
        {
            if (given.ContainsKey(SetupState.PathName(name)))
            {
                answer[name] = string.Empty;
                answer[SetupState.PathName(name)] = Uri.EscapeDataString(VarBinding.Plain(value));
                answer[SetupState.RawName(name)] = value?.DeepClone();
            }
            else
            {
                answer[name] = value?.DeepClone();
            }
        }

        return answer;
    }

    /// <summary>
    /// What a teardown of <paramref name="state"/> cleans up: the latest setup of that state not yet torn down. The
    /// verifier tears down an interaction's states right after it, so that is its own setup; one older (its interaction's
    /// other state failed, or the verifier gave up waiting for it) is left for the end. Null when there is none.
    /// </summary>
    private Made? Latest(string state)
    {
        lock (gate)
        {
            if (pending.GetValueOrDefault(state) is not { Count: > 0 } made)
            {
                return null;
            }

            var latest = made.MaxBy(m => m.Call)!;
            made.Remove(latest);
            return latest;
        }
    }

    /// <summary>
    /// The result with each cleanup that failed when the verification ended (<see cref="DisposeAsync"/> first) among the
    /// warnings of the interaction whose setup made what remains: the verifier calls the setup of each state of each
    /// interaction it runs, in the order of its result, so a state's setup calls line up with the interactions naming it.
    /// One whose call does not line up is given to each interaction naming that state.
    /// </summary>
    public PactVerificationResult WithLeftOvers(PactVerificationResult result) => LeftOvers.Place(result, [.. leftOvers]);

    /// <summary>Runs the cleanup of every setup the verifier did not tear down.</summary>
    public async ValueTask DisposeAsync()
    {
        List<(string State, Made Made)> left;
        lock (gate)
        {
            left = [.. pending.SelectMany(p => p.Value.Select(m => (p.Key, m)))];
            pending.Clear();
        }

        foreach (var (state, made) in left.OrderBy(l => l.Made.Call))
        {
            if (await CleanupAsync(SetupState.Find(written, state)!, made, CancellationToken.None) is { } warning)
            {
                leftOvers.Enqueue(new LeftOver(state, made.Call, warning));
            }
        }
    }

    /// <summary>Runs the cleanup; returns its warning (masked, also kept in <see cref="CleanupWarnings"/>), or null when it passed.</summary>
    private async Task<string?> CleanupAsync(OperationSetup setup, Made made, CancellationToken cancellationToken)
    {
        var masking = redactor.WithSecrets(made.Secrets);
        var outcome = await CaseCleanup.RunAsync(setup, bound, written, made.Values, client, new MutationGuard(client), masking, cancellationToken, Rows);
        if (outcome.Result.Outcome == Outcome.Passed)
        {
            return null;
        }

        var warning = masking.Text($"WARNING {CaseCleanup.Id}: {outcome.Result.Message}{Environment.NewLine}    {string.Join(Environment.NewLine + "    ", outcome.Result.Details)}");
        cleanupWarnings.Enqueue(warning);
        return warning;
    }

    /// <summary>
    /// Where the captured values go: the requests of every operation whose setup has this state (as the pack writes
    /// them, with the captured values in place) and the setup's cleanup.
    /// </summary>
    private IEnumerable<ProbeRequest> Requests(OperationSetup setup, IReadOnlyDictionary<string, JsonNode?> values) =>
        written.Operations
            .Where(o => o.Value.Setup is { } s && SetupState.Name(s) == SetupState.Name(setup))
            .Select(o => o.Key)
            .Append(setup.Cleanup)
            .OfType<string>()
            .Select(name => Baseline.Build(bound, VarBinding.Bind(written.Operations[name], values), client.Options.Token));

    /// <summary>What a setup made: the variable values with the captured ones, and the secrets the requests using them send.</summary>
    /// <param name="Call">The setup call's place among that state's setup calls, in the order they came.</param>
    private sealed record Made(int Call, IReadOnlyDictionary<string, JsonNode?> Values, IReadOnlyList<string> Secrets);
}
