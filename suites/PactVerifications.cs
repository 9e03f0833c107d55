using System.Collections.Concurrent;
using Conformance.Pact;
using Conformance.Reporting;

namespace Conformance.Suites;

/// <summary>
/// Runs the verifier once per provider, on first use, against <c>pact.providerBaseUrl</c> or else the target the
/// run resolved for the pack of that name (configured base URL or the embedded reference API).
/// </summary>
public static class PactVerifications
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<PactVerificationResult>>> Runs = new(StringComparer.Ordinal);

    public static Task<PactVerificationResult> For(PactTarget target) =>
        Runs.GetOrAdd(target.Provider, _ => new Lazy<Task<PactVerificationResult>>(() => Task.Run(() => Verify(target)))).Value;

    public static Redactor Redactor { get; } = new([SuiteContext.PactSettings.Token], []);

    private static PactVerificationResult Verify(PactTarget target)
    {
        var settings = SuiteContext.PactSettings;
        var baseUrl = settings.ProviderBaseUrl
            ?? (SuiteContext.Run?.Clients.TryGetValue(target.Provider, out var client) == true ? client.Options.BaseUrl : null)
            ?? throw new PactException($"No base URL for provider '{target.Provider}': it is not a pack name with a target. Fix: set pact.providerBaseUrl (or CONFORMANCE_PACT_PROVIDERBASEURL).");
        var options = new PactVerifierOptions(target.Provider, baseUrl) { ProviderStateChangeUri = settings.StateChangeUrl, Publish = settings.Publish };
        return PactVerifier.Verify(options, target.Source);
    }
}
