using Conformance.Pact.Interop;

namespace Conformance.Pact;

/// <summary>Replays pacts against a running provider through the libpact_ffi verifier.</summary>
public static class PactVerifier
{
    /// <summary>Verifies every pact from <paramref name="source"/> against the provider in <paramref name="options"/>.</summary>
    public static PactVerificationResult Verify(PactVerifierOptions options, PactSource source)
    {
        using var session = new VerifierSession();
        session.Provider(options);
        session.Source(source);
        var status = session.Execute();
        var output = session.Output();
        if (status == 2)
        {
            throw PactModel.Failure($"The verifier could not run against {options.ProviderBaseUri}.{Environment.NewLine}{output}");
        }

        var interactions = VerificationJson.Parse(session.Json());
        return new PactVerificationResult(status == 0, interactions, output);
    }
}
