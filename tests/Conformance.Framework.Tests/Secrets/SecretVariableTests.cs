using Conformance.Framework.Tests.Hostile;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A pack has one <c>auth</c> credential; an API that needs a second one (a tenant secret in a header, a signing key in the
/// body) gets it through a variable. A variable named like a credential takes its value from the target's settings and is
/// masked everywhere, as the token is; other variables (ids) stay readable.
/// </summary>
public sealed class SecretVariableTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["secretvars.token"] = "tok-4711",
        ["secretvars.allowMutation"] = "true",
        ["secretvars.var.tenant_secret"] = "tenant-LEAK-9f8e7d",
        ["secretvars.var.customer_id"] = "4711",
    };

    [Test]
    public async Task RunAsync_VariableNamedLikeACredential_ValueMaskedEverywhere()
    {
        var outcome = await LeakRun.RunAsync("secretvars", x => x.RespondAsync(200, "OK", "application/json", """{"echo":"tenant tenant-LEAK-9f8e7d"}"""), Settings);

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Results.Single().Curl, Does.EndWith("-H 'X-Tenant: ***' -H 'Authorization: ***' -H 'Content-Type: application/json' --data-raw '{\"customer\":\"4711\",\"signing\":\"***\"}'"));
        Assert.That(outcome.Lines, Has.Some.EqualTo("/echo: expected \"nope\", received \"tenant ***\""));
    }

    [Test]
    public async Task RunAsync_DryRunWithAVariableNamedLikeACredential_PlannedRequestMasked()
    {
        var outcome = await LeakRun.RunAsync("secretvars", _ => throw new AssertionException("a dry run sends nothing"), new Dictionary<string, string>(Settings) { ["conformance.dryRun"] = "true" });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Results.Single().Message, Does.Contain("-H 'X-Tenant: ***'").And.Contain("\"customer\":\"4711\""));
    }
}
