using Conformance.Reporting;

namespace Conformance.Pact.States;

/// <summary>
/// Masks the values a state-change handler said were secret (<see cref="ProviderStateResult.Secrets"/>) in everything the
/// verification result shows: each interaction's mismatch, warnings and notes, and the verifier's own output. The verifier
/// sends them (a captured session token in a header) and a provider may echo them back into what it reports.
/// </summary>
internal static class StateSecrets
{
    public static PactVerificationResult Mask(PactVerificationResult result, IReadOnlyCollection<string> secrets)
    {
        if (secrets.Count == 0)
        {
            return result;
        }

        var redactor = Redactor.None.WithSecrets(secrets);
        return result with
        {
            Interactions = [.. result.Interactions.Select(i => i with
            {
                Mismatch = i.Mismatch is { } mismatch ? redactor.Text(mismatch) : null,
                Warnings = [.. i.Warnings.Select(redactor.Text)],
                Notes = [.. i.Notes.Select(redactor.Text)],
            })],
            Output = redactor.Text(result.Output),
        };
    }
}
