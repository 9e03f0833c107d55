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
        if (outcome is null)
        {
            Assert.Fail($"The verifier reported no result for '{key.Description}'.{Environment.NewLine}{PactVerifications.Redactor.Text(result.Output)}");
        }
        else if (!outcome.Passed && outcome.Pending)
        {
            Assert.Ignore($"Pending pact, failure does not count: {outcome.Mismatch}");
        }
        else if (!outcome.Passed)
        {
            Assert.Fail(PactVerifications.Redactor.Text(outcome.Mismatch ?? "failed"));
        }
    }
}
