using Conformance.Pact.Interop;
using Conformance.Pact.States;

namespace Conformance.Pact;

/// <summary>Replays pacts against a running provider through the libpact_ffi verifier.</summary>
public static class PactVerifier
{
    /// <summary>
    /// Verifies every pact from <paramref name="source"/> against the provider in <paramref name="options"/>.
    /// Throws <see cref="PactException"/> when the verifier cannot run or finds no interaction to verify.
    /// </summary>
    public static PactVerificationResult Verify(PactVerifierOptions options, PactSource source)
    {
        if (options.Publish is { } publish && string.IsNullOrWhiteSpace(publish.ProviderVersion))
        {
            throw new PactException("Publishing verification results needs the provider version. Fix: set the provider version (e.g. the git SHA of the build under test).");
        }

        if (options.ProviderStateChangeUri is null && options.StateHandler is { } handler)
        {
            // Started and stopped on the thread pool: the verifier blocks this thread while it calls the endpoint.
            var server = Task.Run(() => StateChangeServer.StartAsync(handler)).GetAwaiter().GetResult();
            PactVerificationResult result;
            try
            {
                result = Verify(options with { ProviderStateChangeUri = server.Uri, StateChangeTeardown = true, StateHandler = null }, source);
            }
            finally
            {
                // Stopping waits for a state change the verifier gave up on, so its failure is among the server's.
                Task.Run(() => server.DisposeAsync().AsTask()).GetAwaiter().GetResult();
            }

            return StateSecrets.Mask(StateNotes.Place(StateFailures.Explain(result, server.Setups), server.Setups), server.Secrets);
        }

        // Through a forwarder that stops libpact_ffi's 2 minutes of retries of a broker's 5xx and keeps what the broker answered.
        return source is PactBrokerSource broker
            ? BrokerProxy.Verify(broker, options.ProviderName, proxied => Run(options, proxied, Describe(source)))
            : Run(options, source, Describe(source));
    }

    private static PactVerificationResult Run(PactVerifierOptions options, PactSource source, string described)
    {
        using var session = new VerifierSession();
        session.Provider(options);
        session.Source(source);
        int status;
        using (options.QuietConsole ? new QuietStandardOutput() : null)
        {
            status = session.Execute();
        }

        var output = session.Output();
        if (status == 2)
        {
            throw PactModel.Failure($"The verifier could not run against {options.ProviderBaseUri}.{Environment.NewLine}{output}");
        }

        var interactions = VerificationJson.Parse(session.Json());
        if (interactions.Count == 0)
        {
            throw new PactException(
                $"The verifier found no interaction for provider '{options.ProviderName}' in {described}. "
                + "Fix: check that the pacts name this provider exactly and that the source holds pact files."
                + (string.IsNullOrWhiteSpace(output) ? string.Empty : $"{Environment.NewLine}Verifier output:{Environment.NewLine}{output.Trim()}"));
        }

        // The console report quotes the mismatches too: what any interaction's provider handed out is masked in it.
        return new PactVerificationResult(status == 0, interactions, VerificationJson.Masked(output, [.. interactions.SelectMany(i => i.HandedOut).Distinct(StringComparer.Ordinal)]));
    }

    private static string Describe(PactSource source) => source switch
    {
        FolderSource folder => $"folder '{folder.Path}'",
        FileSource files => $"files '{string.Join("', '", files.Paths)}'",
        PactBrokerSource broker => $"broker {BrokerFailure.Shown(broker.BrokerUri)}",
        _ => source.GetType().Name,
    };
}
