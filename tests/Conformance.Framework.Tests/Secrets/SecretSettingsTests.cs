using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Framework.Tests.Engine;
using Conformance.Targets;
using Conformance.Targets.OAuth;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// The settings whose values are secrets are named once, by the settings that read them (<see cref="TlsSettings.SecretKeys"/>,
/// <see cref="OAuthSettings.SecretKeys"/>): the run masks each of them, and <see cref="OAuthSettings.Secrets"/> holds the
/// value of each, so a new secret setting cannot be masked in one place and forgotten in the other.
/// </summary>
public sealed class SecretSettingsTests
{
    [Test]
    public void SecretKeys_TheSecretSettings_Named()
    {
        Assert.Multiple(() =>
        {
            Assert.That(OAuthSettings.SecretKeys, Is.EqualTo(new[] { "clientSecret", "tokenPassword", "refreshToken", "tokenAssertion" }));
            Assert.That(TlsSettings.SecretKeys, Is.EqualTo(new[] { "clientCertificatePassword" }));
            Assert.That(OAuthSettings.SecretKeys, Is.SubsetOf(OAuthSettings.Keys), "each is read as a token setting");
        });
    }

    [Test]
    public void Secrets_EverySecretSettingSet_EachValueTrimmedAndNoOther()
    {
        var values = OAuthSettings.SecretKeys.ToDictionary(k => $"demo.{k}", k => $"value-of-{k}\n", StringComparer.Ordinal);
        values["demo.baseUrl"] = "https://staging.example.test/";
        values["demo.tokenUrl"] = "https://login.example.test/oauth/token";
        values["demo.tokenGrant"] = "password";
        values["demo.tokenUsername"] = "qa-user";
        values["demo.clientId"] = "qa";
        var source = new SettingsSource(values.GetValueOrDefault, _ => null);
        var errors = new List<Conformance.Diagnostics.Diagnostic>();

        var target = TargetResolver.Resolve(EngineHarness.Demo.Pack!, source, TargetResolver.ReadRun(source, errors), null, errors);

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty);
            Assert.That(target!.OAuth!.Secrets, Is.EqualTo(OAuthSettings.SecretKeys.Select(k => $"value-of-{k}")));
        });
    }

    [Test]
    public void Redactor_EverySecretSettingOfEveryPack_Masked()
    {
        var keys = TlsSettings.SecretKeys.Concat(OAuthSettings.SecretKeys).ToList();
        var values = keys.ToDictionary(k => $"demo.{k}", k => $"LEAK-{k}-7f3a", StringComparer.Ordinal);
        values["demo.baseUrl"] = "https://staging.example.test/";

        using var run = new ConformanceRun(new ContractSet([EngineHarness.Demo]), new SettingsSource(values.GetValueOrDefault, _ => null), null);

        Assert.That(run.Redactor.Text(string.Join(" ", keys.Select(k => $"LEAK-{k}-7f3a"))), Is.EqualTo(string.Join(" ", keys.Select(_ => "***"))), "masked even where the settings are invalid and the pack has no client");
    }
}
