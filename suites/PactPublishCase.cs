using Conformance.Pact;
using Conformance.Reporting;

namespace Conformance.Suites;

/// <summary>
/// With <c>pact.publish=true</c>, each provider verified from the broker has one more case, <c>pact / {provider} /
/// (publish results)</c>: it passes when the broker took the results, and fails saying which request it refused or did
/// not answer (status, URL masked, what to do) when it did not. The interactions keep their own verdicts: a failed
/// publish never turns a passed interaction into a failed one, and the run fails through this case alone.
/// </summary>
internal static class PactPublishCase
{
    /// <summary>The case's description, after the provider in its name.</summary>
    public const string Description = "(publish results)";

    public static async Task RunAsync(PactCaseKey key, PactTarget target)
    {
        if (SuiteContext.Run?.Settings.DryRun == true)
        {
            Skip(key, $"Dry run (conformance.dryRun=true): nothing sent; would publish the verification results of the {target.Provider} pact");
            return;
        }

        if (PactVerifications.LeavesOut(target))
        {
            Skip(key, $"Not published: interactions of the {target.Provider} pact that mutate were left out ({target.Provider}.allowMutation is not true), and a partial verification is not recorded");
            return;
        }

        PactVerificationResult result;
        try
        {
            result = await PactVerifications.For(target);
        }
        catch (PactException e)
        {
            Fail(key, Verdict.Broken, $"BROKEN (no verdict): nothing was published, the verifier could not run for '{target.Provider}': {e.Message}");
            return;
        }

        if (result.PublishFailures.Count > 0)
        {
            Fail(key, Verdict.Failed, string.Join(Environment.NewLine, result.PublishFailures));
            return;
        }

        PactSuite.Report(key, Verdict.Passed, "Verification results published.", "pact_publish");
    }

    private static void Skip(PactCaseKey key, string reason)
    {
        PactSuite.Report(key, Verdict.Skipped, reason, "pact_publish");
        Assert.Ignore(reason);
    }

    private static void Fail(PactCaseKey key, Verdict verdict, string message)
    {
        var masked = PactVerifications.Redactor.Text(message);
        PactSuite.Report(key, verdict, masked, "pact_publish");
        CaseFailure.Record(masked);
    }
}
