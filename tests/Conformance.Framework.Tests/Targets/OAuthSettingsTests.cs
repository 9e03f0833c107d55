using Conformance.Diagnostics;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Targets;

/// <summary>
/// <c>&lt;api&gt;.tokenUrl</c> and the token request's settings: read once, every mistake listed with its setting, no
/// target (so no request) while any is there.
/// </summary>
public sealed class OAuthSettingsTests
{
    private static readonly Uri Reference = new("http://127.0.0.1:5000/demo/");

    [Test]
    public void Resolve_ClientCredentialsWithASecretStoresNewline_SettingsReadTrimmed()
    {
        var (target, errors) = Resolve(new() { ["demo.tokenUrl"] = " https://login.example.test/oauth/token", ["demo.clientId"] = "qa", ["demo.clientSecret"] = "s3cret\n", ["demo.tokenScope"] = "read" });

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty);
            Assert.That(target!.OAuth, Is.EqualTo(new Conformance.Targets.OAuth.OAuthSettings(new Uri("https://login.example.test/oauth/token"), "client_credentials", "qa", "s3cret", false) { Scope = "read" }));
            Assert.That(target.Token, Is.Null);
        });
    }

    [TestCase("jwt-bearer")]
    [TestCase("urn:ietf:params:oauth:grant-type:jwt-bearer")]
    public void Resolve_JwtBearerByNameOrUrn_SendsTheUrn(string grant)
    {
        var (target, errors) = Resolve(new() { ["demo.tokenUrl"] = "https://login.example.test/token", ["demo.tokenGrant"] = grant, ["demo.tokenAssertion"] = "eyJ.a.b", ["demo.clientId"] = "qa", ["demo.clientSecret"] = "s3cret" });

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty);
            Assert.That(target!.OAuth!.GrantType, Is.EqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer"));
        });
    }

    [Test]
    public void Resolve_EveryMistake_AllListedAndNoTarget()
    {
        var (target, errors) = Resolve(new()
        {
            ["conformance.allowedHosts"] = "staging.example.test",
            ["demo.token"] = "static-token",
            ["demo.tokenUrl"] = "https://login.example.test/oauth/token",
            ["demo.tokenGrant"] = "client_credential",
            ["demo.tokenClientAuth"] = "header",
        });

        Assert.Multiple(() =>
        {
            Assert.That(target, Is.Null);
            Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
            {
                "runsettings:demo.tokenUrl(1,1): error CT0303: both demo.token and demo.tokenUrl are set, the run would not know which credential to send. Fix: Give the setting a value of the type the message names.",
                "runsettings:demo.tokenUrl(1,1): error CT0302: Host 'login.example.test' is not in conformance.allowedHosts (staging.example.test), no request is sent to a host the run does not allow. Fix: Add login.example.test to conformance.allowedHosts, or fix demo.tokenUrl.",
                "runsettings:demo.tokenGrant(1,1): error CT0303: 'client_credential' is not a grant this run can use, demo.tokenGrant takes client_credentials, password, refresh_token, jwt-bearer. Fix: Name one of them. Did you mean 'client_credentials'?",
            }));
        });
    }

    [Test]
    public void Resolve_GrantWithoutItsCredentials_EachMissingSettingNamed()
    {
        var (_, errors) = Resolve(new() { ["demo.tokenUrl"] = "https://login.example.test/oauth/token", ["demo.tokenClientAuth"] = "header" });

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "runsettings:demo.tokenClientAuth(1,1): error CT0303: 'header' is not basic or body, the client's id and secret go in an HTTP Basic header (basic, RFC 6749 2.3.1) or in the form (body). Fix: Give the setting a value of the type the message names.",
            "runsettings:demo.clientId(1,1): error CT0303: demo.clientId is not set, the client_credentials grant authenticates the client with its id and secret. Fix: Give the setting a value of the type the message names.",
            "runsettings:demo.clientSecret(1,1): error CT0303: demo.clientSecret is not set, the client_credentials grant authenticates the client with its id and secret. Fix: Give the setting a value of the type the message names.",
        }));
    }

    [Test]
    public void Resolve_TokenSettingsWithoutTokenUrlOrOnTheReferenceApi_Reported()
    {
        var (_, stray) = Resolve(new() { ["demo.baseUrl"] = "https://staging.example.test/", ["demo.clientSecret"] = "s3cret" });
        var (_, reference) = Resolve(new() { ["demo.baseUrl"] = null, ["demo.tokenUrl"] = "https://login.example.test/t", ["demo.clientId"] = "qa", ["demo.clientSecret"] = "s3cret" });

        Assert.Multiple(() =>
        {
            Assert.That(stray.Select(e => e.What), Is.EqualTo(new[] { "demo.clientSecret is set but demo.tokenUrl is not" }));
            Assert.That(reference.Select(e => e.What), Is.EqualTo(new[] { "demo.tokenUrl is set but demo.baseUrl is not" }));
        });
    }

    private static (TargetOptions? Target, List<Diagnostic> Errors) Resolve(Dictionary<string, string?> values)
    {
        values.TryAdd("demo.baseUrl", "https://staging.example.test/");
        var source = new SettingsSource(k => values.GetValueOrDefault(k), _ => null);
        var errors = new List<Diagnostic>();
        var run = TargetResolver.ReadRun(source, errors);
        var target = TargetResolver.Resolve(Conformance.Framework.Tests.Engine.EngineHarness.Demo.Pack!, source, run, _ => Reference, errors);
        return (errors.Count == 0 ? target : null, errors);
    }
}
