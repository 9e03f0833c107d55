using Conformance.Contracts;
using Conformance.Diagnostics;
using Conformance.Framework.Tests.Secrets;
using Conformance.Reporting;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Targets;

/// <summary>
/// A secret shorter than 4 characters is never masked (masking two characters wherever they appear would garble every
/// report), so a setting that holds one is refused when the settings are read, every such setting listed at once, none
/// of the values shown.
/// </summary>
public sealed class SecretSettingsTests
{
    private const string Why = "a secret this short is not masked in reports (masking so few characters wherever they appear would garble them), so it would be shown there (the value is not shown here)";

    private static readonly ApiPack SecretVars = PackLoader.Load(Path.Combine(AppContext.BaseDirectory, "Secrets", "Packs", "secretvars"), AppContext.BaseDirectory).Pack!;

    [Test]
    public void Resolve_SecretSettingsShorterThanFourCharacters_EveryOneListedWithoutItsValue()
    {
        var errors = Resolve(new()
        {
            ["secretvars.token"] = "q7z\n",
            ["secretvars.var.tenant_secret"] = "x9",
            ["secretvars.var.customer_id"] = "42",
            ["secretvars.clientCertificatePassword"] = "pw",
        });

        Assert.That(errors, Is.EqualTo(new[]
        {
            "runsettings:secretvars.clientCertificatePassword(1,1): error CT0303: A client certificate password without a client certificate, secretvars.clientCertificate names the file it opens. Fix: Give the setting a value of the type the message names.",
            $"runsettings:secretvars.token(1,1): error CT0303: secretvars.token has fewer than 4 characters, {Why}. Fix: Give the whole credential; a test account's needs at least 4 characters.",
            $"runsettings:secretvars.clientCertificatePassword(1,1): error CT0303: secretvars.clientCertificatePassword has fewer than 4 characters, {Why}. Fix: Give the whole credential; a test account's needs at least 4 characters.",
            $"runsettings:secretvars.var.tenant_secret(1,1): error CT0303: secretvars.var.tenant_secret has fewer than 4 characters, {Why}. Fix: Give the whole credential; if the variable holds no secret, rename it in api.yaml so its name does not read as a credential's.",
        }));
    }

    [Test]
    public void Resolve_TokenRequestSecretsShorterThanFourCharacters_EachListed()
    {
        var errors = Resolve(new()
        {
            ["secretvars.tokenUrl"] = "https://login.example.test/oauth/token",
            ["secretvars.tokenGrant"] = "refresh_token",
            ["secretvars.clientId"] = "qa",
            ["secretvars.clientSecret"] = "abc",
            ["secretvars.refreshToken"] = " r1 ",
        });

        Assert.That(errors.Select(e => e[..e.IndexOf(':', "runsettings:".Length)]), Is.EqualTo(new[] { "runsettings:secretvars.clientSecret(1,1)", "runsettings:secretvars.refreshToken(1,1)" }));
    }

    [TestCase("abcd")]
    [TestCase(" abcd\n")]
    public void Resolve_SecretOfFourCharacters_Accepted(string token) =>
        Assert.That(Resolve(new() { ["secretvars.token"] = token, ["secretvars.var.tenant_secret"] = "t-42" }), Is.Empty);

    [Test]
    public async Task RunAsync_TokenOfThreeCharacters_BrokenWithoutItsValueAndNothingSent()
    {
        var outcome = await LeakRun.RunAsync("escaped", _ => throw new AssertionException("nothing is sent"), new Dictionary<string, string> { ["escaped.token"] = "q7z" });

        Assert.That(outcome.Leaks("q7z"), Is.Empty);
        Assert.That(outcome.Results.Single().Verdict, Is.EqualTo(Verdict.Broken));
        Assert.That(outcome.Results.Single().Message, Is.EqualTo(
            "Invalid target settings, no probe was sent:" + Environment.NewLine
            + $"runsettings:escaped.token(1,1): error CT0303: escaped.token has fewer than 4 characters, {Why}. Fix: Give the whole credential; a test account's needs at least 4 characters."));
    }

    private static List<string> Resolve(Dictionary<string, string?> values)
    {
        values.TryAdd("secretvars.baseUrl", "https://staging.example.test/");
        var source = new SettingsSource(k => values.GetValueOrDefault(k), _ => null);
        var errors = new List<Diagnostic>();
        TargetResolver.Resolve(SecretVars, source, TargetResolver.ReadRun(source, errors), null, errors);
        return [.. errors.Select(e => e.ToString())];
    }
}
