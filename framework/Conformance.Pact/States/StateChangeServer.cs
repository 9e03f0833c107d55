using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.States;

/// <summary>
/// The verifier's state-change endpoint on 127.0.0.1 (a port the system picks), in front of an
/// <see cref="IProviderStateHandler"/>: it takes the verifier's <c>{"state","params","action"}</c> POST and answers 200
/// with the handler's values as a JSON object. A state that could not be set up is answered 400 (not 5xx, which the
/// verifier retries) and its reason is kept, by state name and in the order of the calls, for the verification result,
/// as is a teardown's warning and a setup's notes. Dispose stops it.
/// </summary>
internal sealed class StateChangeServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly IProviderStateHandler handler;
    private readonly StateSetups setups = new();
    private readonly ConcurrentDictionary<string, bool> secrets = new(StringComparer.Ordinal);

    /// <summary>Why an interaction was not sent whose state was set up after the verifier had stopped waiting for it.</summary>
    internal const string Late = "set up only after the verifier had stopped waiting for it (its request timeout, conformance.timeoutSeconds), so the interaction was not sent. Fix: give the verifier longer (conformance.timeoutSeconds; from code, PactVerifierOptions.RequestTimeout) than the setup may take with its bounded retries and their waits (conformance.maxRetries, conformance.maxRetryWaitSeconds), or rerun once the target no longer throttles.";

    private StateChangeServer(WebApplication app, IProviderStateHandler handler)
    {
        this.app = app;
        this.handler = handler;
    }

    /// <summary>The endpoint to give the verifier.</summary>
    public Uri Uri { get; private set; } = null!;

    /// <summary>Every setup and teardown call, by state name, in order: each setup's failure, each teardown's warning, or null.</summary>
    public StateSetups Setups => setups;

    /// <summary>Every value a state change said was secret, to be masked in the verification result.</summary>
    public IReadOnlyCollection<string> Secrets => [.. secrets.Keys];

    public static async Task<StateChangeServer> StartAsync(IProviderStateHandler handler)
    {
        var app = LoopbackHost.Create();
        var server = new StateChangeServer(app, handler);
        app.Run(server.ChangeAsync);
        await app.StartAsync();
        server.Uri = LoopbackHost.Address(app);
        return server;
    }

    private async Task ChangeAsync(HttpContext context)
    {
        ProviderStateChange change;
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
            change = new ProviderStateChange(
                (string?)body?["state"] ?? string.Empty,
                body?["params"] as JsonObject ?? [],
                (string?)body?["action"] != "teardown");
        }
        catch (JsonException e)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"The state-change request is not JSON: {e.Message}", context.RequestAborted);
            return;
        }

        var place = change.Setup ? setups.Begin(change.State) : setups.BeginTeardown(change.State);
        ProviderStateResult result;
        try
        {
            // Not cancelled when the verifier gives up (its request timeout is the setup's own): the setup ends by its own
            // timeout, so its failure is kept for the result and what it made is cleaned up.
            result = await handler.ChangeAsync(change, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result = ProviderStateResult.Failed($"Provider state '{change.State}' could not be {(change.Setup ? "set up" : "torn down")}: {e.GetType().Name}: {e.Message}");
        }

        if (change.Setup && result.Failure is null && context.RequestAborted.IsCancellationRequested)
        {
            // The verifier stopped waiting (its request timeout) before the setup passed: it did not send the interaction.
            result = ProviderStateResult.Failed(string.Join(Environment.NewLine, [$"Provider state '{change.State}': {Late}", .. result.Notes])) with { Secrets = result.Secrets };
        }

        foreach (var secret in result.Secrets)
        {
            secrets.TryAdd(secret, true);
        }

        if (result.Failure is { } failure)
        {
            if (change.Setup)
            {
                setups.Fail(change.State, place, failure);
            }
            else
            {
                setups.TeardownFailed(change.State, failure);
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync(failure, context.RequestAborted);
            return;
        }

        if (result.Warning is { } warning && !change.Setup)
        {
            setups.Warn(change.State, place, warning);
        }

        if (result.Notes.Count > 0 && change.Setup)
        {
            setups.Note(change.State, place, string.Join(Environment.NewLine, result.Notes));
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(result.Values.ToJsonString(), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
