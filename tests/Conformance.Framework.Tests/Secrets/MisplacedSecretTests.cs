using Conformance.Reporting;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A CI file maps a secret to the wrong variable (the token to CONFORMANCE_&lt;API&gt;_CONCURRENCY, the client certificate's
/// password to ..._CLIENTCERTIFICATE): the setting's error (CT0303) quoted the value, and the run did not know it was a
/// secret. A value too long to be a number or a switch is described by its length; a certificate setting is quoted only
/// when it reads as a file.
/// </summary>
public sealed class MisplacedSecretTests
{
    private const string Secret = "tok-LEAK-7d1c0e9f3b2a";
    private const string NotShown = "a value of 21 characters (not shown: it may be a secret set in the wrong variable)";

    [TestCase("conformance.timeoutSeconds", "is not a non-negative number, conformance.timeoutSeconds (or CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) takes a number")]
    [TestCase("conformance.dryRun", "is not true or false, conformance.dryRun (or CONFORMANCE_CONFORMANCE_DRYRUN) is a switch")]
    public async Task RunAsync_SecretInARunSetting_ErrorWithoutIt(string setting, string what)
    {
        var outcome = await LeakRun.RunAsync("escaped", x => x.RespondAsync(200, "OK", "application/json", "{}"), new Dictionary<string, string> { [setting] = Secret, ["escaped.token"] = "tok-4711" });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Results.Single().Message, Is.EqualTo(
            $"Invalid run settings, no probe was sent:{Environment.NewLine}runsettings:{setting}(1,1): error CT0303: {NotShown} {what}. Fix: Give the setting a value of the type the message names."));
    }

    [TestCase("escaped.concurrency", "is not a non-negative number, escaped.concurrency (or CONFORMANCE_ESCAPED_CONCURRENCY) takes a number")]
    [TestCase("escaped.insecureTls", "is not true or false, escaped.insecureTls (or CONFORMANCE_ESCAPED_INSECURETLS) is a switch")]
    [TestCase("escaped.clientCertificate", "cannot be opened as a client certificate (FileNotFoundException), escaped.clientCertificate names a .pfx/.p12 (with escaped.clientCertificatePassword if it has one) or one PEM file with the certificate and its key")]
    public async Task RunAsync_SecretInATargetSetting_ErrorWithoutIt(string setting, string what)
    {
        var outcome = await LeakRun.RunAsync("escaped", x => x.RespondAsync(200, "OK", "application/json", "{}"), new Dictionary<string, string>
        {
            ["escaped.baseUrl"] = "https://{server}/",
            [setting] = Secret,
            ["escaped.token"] = "tok-4711",
        });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Results.Single().Message, Is.EqualTo(
            $"Invalid target settings, no probe was sent:{Environment.NewLine}runsettings:{setting}(1,1): error CT0303: {NotShown} {what}. Fix: Give the setting a value of the type the message names."));
    }

    [TestCase("many", "'many'")]
    [TestCase("1,5", "'1,5'")]
    [TestCase("tenthousand", "a value of 11 characters (not shown: it may be a secret set in the wrong variable)")]
    public void Quoted_Value_ShownWhenShort(string value, string shown) =>
        Assert.That(Conformance.Targets.SettingValue.Quoted(value), Is.EqualTo(shown));
}
