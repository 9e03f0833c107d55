using Conformance.Pact;
using Conformance.Pact.States;

namespace Conformance.Suites;

/// <summary>Every interaction of the configured pacts, verified against the target; one case each.</summary>
[TestFixture]
public sealed class PactSuite
{
    [TestCaseSource(typeof(PactCaseSource), nameof(PactCaseSource.Cases))]
    public async Task Interaction(PactCaseKey key)
    {
        if (key.Problem is { } problem)
        {
            // A verdict in the scorecard too, so the next --filter Category=last_failed reruns the source (LastFailed).
            var masked = PactVerifications.Redactor.Text(problem);
            Record(key.Provider, key.Description!, Reporting.Verdict.Broken, masked, "pact_source");
            CaseFailure.Record(masked);
            return;
        }

        if (SuiteContext.Run is { RunSettingErrors.Count: > 0 } run)
        {
            // As a row's case: a run whose settings cannot be used sends nothing (a limit, a host list, a filter lost with a
            // runsettings parameter named twice), and each case says why.
            var refused = PactVerifications.Redactor.Text($"BROKEN (no verdict): Invalid run settings, no interaction was verified:{Environment.NewLine}{string.Join(Environment.NewLine, run.RunSettingErrors)}");
            Report(key, Reporting.Verdict.Broken, refused, "pact_source");
            CaseFailure.Record(refused);
            return;
        }

        if (key.Publish)
        {
            await PactPublishCase.RunAsync(key, SuiteContext.PactSources.Targets.First(t => t.Provider == key.Provider && t.Source is PactBrokerSource));
            return;
        }

        var target = SuiteContext.PactSources.Targets.First(t => t.Provider == key.Provider);
        if (PactVerifications.Refusal(target, key.Description!) is { } refusal)
        {
            Report(key, Reporting.Verdict.Skipped, refusal);
            Assert.Ignore(refusal);
            return;
        }

        PactVerificationResult result;
        try
        {
            result = await PactVerifications.For(target);
        }
        catch (PactException e)
        {
            CaseFailure.Record(PactVerifications.Redactor.Text($"BROKEN (no verdict): the verifier could not run for '{key.Provider}': {e.Message}"));
            return;
        }

        // Interactions of one description (two provider states, two consumers) are one case: the worst of them decides,
        // so no failure is dropped for a pass of the same name.
        var outcome = result.Interactions.Where(i => i.Description == key.Description).OrderBy(Rank).FirstOrDefault();
        var (verdict, message) = Judge(key, outcome, result.Output);
        Report(key, verdict, message);
        switch (verdict)
        {
            case Reporting.Verdict.Skipped:
                Assert.Ignore(outcome is { Pending: true } ? $"Pending pact, failure does not count: {message}" : message);
                break;
            case Reporting.Verdict.Failed or Reporting.Verdict.Broken:
                CaseFailure.Record(message);
                break;
            case Reporting.Verdict.Passed when outcome!.Warnings.Count > 0:
                Assert.Warn(message); // a cleanup that failed: the verdict stands, as for a row
                break;
            default:
                break;
        }
    }

    private static int Rank(InteractionVerification outcome) => outcome switch
    {
        { Passed: true } => 3,
        { Pending: true } => 2,
        { Broken: true } => 1,
        _ => 0,
    };

    /// <summary>The case's verdict and its message (secrets masked), the same for NUnit and Allure.</summary>
    private static (Reporting.Verdict Verdict, string Message) Judge(PactCaseKey key, InteractionVerification? outcome, string output)
    {
        var (verdict, message) = outcome switch
        {
            null => (Reporting.Verdict.Broken, $"The verifier reported no result for '{key.Description}'.{Environment.NewLine}{output}"),
            { Passed: true } => (Reporting.Verdict.Passed, "Interaction verified."),
            { Pending: true } => (Reporting.Verdict.Skipped, outcome.Mismatch ?? "failed"),
            { Broken: true, Mismatch: { } refused } when refused.StartsWith(SetupStates.Refused, StringComparison.Ordinal) => (Reporting.Verdict.Skipped, refused),
            { Broken: true } => (Reporting.Verdict.Broken, BrokenMessage(key.Provider, outcome)),
            _ => (Reporting.Verdict.Failed, outcome.Mismatch ?? "failed"),
        };
        // A setup sent again is named as in a row's message (RETRIED setup ...), and a cleanup that failed is reported whatever
        // the verdict, as for a row: what the setup made may remain.
        message = outcome is { Notes.Count: > 0 } or { Warnings.Count: > 0 } ? string.Join(Environment.NewLine, [message, .. outcome.Notes, .. outcome.Warnings]) : message;
        return (verdict, PactVerifications.Redactor.Text(message));
    }

    /// <summary>Each interaction also becomes an Allure result, filed under parentSuite "pact" and suite = provider.</summary>
    internal static void Report(PactCaseKey key, Reporting.Verdict verdict, string message, string check = "pact_interaction") =>
        Record(key.Provider, PactCaseKey.Name(key.Provider, key.Description!), verdict, message, check);

    /// <summary>A pact case's Allure result (its name masked), which also gives it its verdict in the scorecard.</summary>
    private static void Record(string provider, string caseName, Reporting.Verdict verdict, string message, string check)
    {
        if (SuiteContext.Run is not { } run)
        {
            return;
        }

        var step = new Checks.CheckResult(check, verdict == Reporting.Verdict.Passed ? Checks.Outcome.Passed : Checks.Outcome.Failed, message, []);
        var name = PactVerifications.Redactor.Text(caseName);
        var caseResult = new Reporting.CaseResult("pact", name, null, verdict, message, null, [step], [], null, DateTimeOffset.UtcNow, TimeSpan.Zero) { Suite = provider };
        Reporting.Allure.ReportHook.Case(run, SuiteContext.Settings, SuiteContext.ResultsRoot, caseResult);
    }

    /// <summary>The setting naming the provider's base URL for the verifier: <c>pact.providerBaseUrl</c> when set, else the pack's <c>&lt;api&gt;.baseUrl</c>.</summary>
    internal static (string Scope, string Key) BaseUrlSetting(string provider) =>
        SuiteContext.PactSettings.ProviderBaseUrl is null ? (provider, "baseUrl") : ("pact", "providerBaseUrl");

    /// <summary>
    /// No response to compare (refused, reset, timed out, provider state not set up): no verdict on the contract. A setup
    /// state the framework ran itself says what failed (Conformance.Pact.States.SetupStates), and so does a refused fetched
    /// token that could not be renewed (CredentialProxy), a request the run did not send (<c>Not sent (budget)</c>,
    /// PactPacing), and a request the forwarder got no response to (<c>Target unreachable (refused)</c>, CredentialProxy,
    /// worded as for a row, naming the same host and port and setting as below): each is shown as it is. Otherwise the verifier's words, the host and port it was sent to and the
    /// setting that named them (<c>pact.providerBaseUrl</c>, else the pack's <c>&lt;api&gt;.baseUrl</c>), each with its variable.
    /// </summary>
    private static string BrokenMessage(string provider, InteractionVerification outcome)
    {
        if (outcome.Mismatch is { } mismatch && (mismatch.StartsWith("Provider state '", StringComparison.Ordinal) || mismatch.StartsWith(CredentialProxy.Unrenewed, StringComparison.Ordinal) || mismatch.StartsWith(Probing.ProbeFailure.NotSentHeading, StringComparison.Ordinal)
            || mismatch.StartsWith(Probing.ProbeFailure.UnreachableHeading, StringComparison.Ordinal)))
        {
            return $"BROKEN (no verdict): {mismatch}";
        }

        var given = SuiteContext.PactSettings.ProviderBaseUrl;
        var (scope, key) = BaseUrlSetting(provider);
        var url = given ?? SuiteContext.Run?.Clients.GetValueOrDefault(provider)?.Options.BaseUrl;
        var place = url is null ? (Targets.TransportFailure.Place?)null : Targets.TransportFailure.Place.Of(url, scope, key);
        var where = place is { HostPort: var hostPort } ? $" from {hostPort}" : string.Empty;
        var setting = place?.Setting ?? $"{scope}.{key} ({Targets.SettingsSource.EnvironmentName(scope, key)})";
        return $"BROKEN (no verdict): the verifier got no response to compare{where}: {outcome.Mismatch?.TrimEnd('.')}. "
            + $"Fix: check {setting} and that the provider is reachable there, and, with provider states, pact.stateChangeUrl; a slow answer needs a longer {Targets.TransportFailure.TimeoutSetting}.";
    }
}
