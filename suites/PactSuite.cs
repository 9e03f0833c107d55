using Conformance.Pact;

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
            Assert.Fail(PactVerifications.Redactor.Text(problem));
            return;
        }

        var target = SuiteContext.PactSources.Targets.First(t => t.Provider == key.Provider);
        if (PactVerifications.Refusal(target, key.Description!) is { } refusal)
        {
            Report(key, new InteractionVerification(key.Description!, false, refusal) { Pending = true }, string.Empty);
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
            Assert.Fail(PactVerifications.Redactor.Text($"BROKEN (no verdict): the verifier could not run for '{key.Provider}': {e.Message}"));
            return;
        }

        var outcome = result.Interactions.FirstOrDefault(i => i.Description == key.Description);
        Report(key, outcome, result.Output);
        if (outcome is null)
        {
            Assert.Fail($"The verifier reported no result for '{key.Description}'.{Environment.NewLine}{PactVerifications.Redactor.Text(result.Output)}");
        }
        else if (!outcome.Passed && outcome.Pending)
        {
            Assert.Ignore($"Pending pact, failure does not count: {outcome.Mismatch}");
        }
        else if (outcome.Broken)
        {
            Assert.Fail(PactVerifications.Redactor.Text(BrokenMessage(outcome)));
        }
        else if (!outcome.Passed)
        {
            Assert.Fail(PactVerifications.Redactor.Text(outcome.Mismatch ?? "failed"));
        }
    }

    /// <summary>Each interaction also becomes an Allure result, filed under parentSuite "pact" and suite = provider.</summary>
    private static void Report(PactCaseKey key, InteractionVerification? outcome, string output)
    {
        if (SuiteContext.Run is not { } run)
        {
            return;
        }

        var verdict = outcome switch
        {
            null => Reporting.Verdict.Broken,
            { Passed: true } => Reporting.Verdict.Passed,
            { Pending: true } => Reporting.Verdict.Skipped,
            { Broken: true } => Reporting.Verdict.Broken,
            _ => Reporting.Verdict.Failed,
        };
        var message = PactVerifications.Redactor.Text(outcome switch
        {
            null => $"The verifier reported no result for '{key.Description}'. {output}",
            { Passed: false, Pending: false, Broken: true } => BrokenMessage(outcome),
            _ => outcome.Mismatch ?? "Interaction verified.",
        });
        var check = new Checks.CheckResult("pact_interaction", verdict == Reporting.Verdict.Passed ? Checks.Outcome.Passed : Checks.Outcome.Failed, message, []);
        var name = PactCaseKey.Name(key.Provider, key.Description!);
        var caseResult = new Reporting.CaseResult("pact", name, null, verdict, message, null, [check], [], null, DateTimeOffset.UtcNow, TimeSpan.Zero) { Suite = key.Provider };
        Reporting.Allure.ReportHook.Case(run, SuiteContext.Settings, SuiteContext.ResultsRoot, caseResult);
    }

    /// <summary>No response to compare (refused, reset, timed out, provider state not set up): no verdict on the contract.</summary>
    private static string BrokenMessage(InteractionVerification outcome) =>
        $"BROKEN (no verdict): the verifier got no response to compare: {outcome.Mismatch?.TrimEnd('.')}. Fix: check that the provider is reachable at its base URL (<api>.baseUrl or pact.providerBaseUrl) and, with provider states, pact.stateChangeUrl.";
}
