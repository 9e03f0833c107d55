using System.Security.Cryptography.X509Certificates;
using Conformance.Contracts;
using Conformance.Diagnostics;
using Conformance.Framework.Tests.Hostile;
using Conformance.Targets;
using static Conformance.Framework.Tests.Targets.TestCertificates;

namespace Conformance.Framework.Tests.Targets;

/// <summary>TLS settings are checked once, with every error listed and no secret in any of them.</summary>
public sealed class TlsSettingsTests
{
    private static readonly ApiPack Pack = PackLoader.Load(Path.Combine(HostileRun.PacksFolder, "hostile"), AppContext.BaseDirectory).Pack!;
    private string folder = null!;

    [OneTimeSetUp]
    public void MakeFolder() => folder = Directory.CreateTempSubdirectory("conformance-tls-settings-").FullName;

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Resolve_TlsSettingOnAnHttpTarget_Error() =>
        Assert.That(Errors(new() { ["hostile.baseUrl"] = "http://staging.example.test/", ["hostile.insecureTls"] = "true" }), Is.EqualTo(new[]
        {
            "runsettings:hostile.insecureTls(1,1): error CT0303: hostile.insecureTls is set but the target is not https (http://staging.example.test), TLS settings apply to an https base URL only. Fix: Give the setting a value of the type the message names.",
        }));

    [Test]
    public void Resolve_EveryBadTlsSetting_AllListed()
    {
        var errors = Errors(new()
        {
            ["hostile.caCertificate"] = Path.Combine(folder, "missing.pem"),
            ["hostile.insecureTls"] = "maybe",
            ["hostile.clientCertificate"] = Path.Combine(folder, "missing.pfx"),
            ["hostile.clientCertificatePassword"] = "hunter2-secret",
        });

        Assert.Multiple(() =>
        {
            Assert.That(errors.Select(e => e[..e.IndexOf(':', "runsettings:".Length)]), Is.EqualTo(new[]
            {
                "runsettings:hostile.insecureTls(1,1)", "runsettings:hostile.caCertificate(1,1)", "runsettings:hostile.clientCertificate(1,1)",
            }));
            Assert.That(errors[1], Does.Contain($"'{Path.Combine(folder, "missing.pem")}' cannot be read as a CA certificate ("));
            Assert.That(string.Join("\n", errors), Does.Not.Contain("hunter2"));
        });
    }

    [Test]
    public void Resolve_WrongPfxPassword_ErrorWithoutThePassword()
    {
        using var ca = Ca("CA");
        using var client = Signed(ca, "client", server: false);
        var path = Path.Combine(folder, "client.pfx");
        File.WriteAllBytes(path, client.Export(X509ContentType.Pkcs12, "right-password"));

        var errors = Errors(new() { ["hostile.clientCertificate"] = path, ["hostile.clientCertificatePassword"] = "wrong-password" });

        Assert.Multiple(() =>
        {
            Assert.That(errors.Single(), Does.StartWith($"runsettings:hostile.clientCertificate(1,1): error CT0303: '{path}' cannot be opened as a client certificate ("));
            Assert.That(errors.Single(), Does.Not.Contain("wrong-password"));
        });
    }

    [Test]
    public void Resolve_PemWithoutKey_Error()
    {
        using var ca = Ca("CA");
        var path = WritePem(ca, folder, "no-key.pem");

        Assert.That(Errors(new() { ["hostile.clientCertificate"] = path }).Single(), Does.StartWith($"runsettings:hostile.clientCertificate(1,1): error CT0303: '{path}' cannot be opened as a client certificate ("));
    }

    [Test]
    public void Resolve_PasswordWithoutCertificate_Error() =>
        Assert.That(Errors(new() { ["hostile.clientCertificatePassword"] = "pw-x" }).Single(), Does.StartWith(
            "runsettings:hostile.clientCertificatePassword(1,1): error CT0303: A client certificate password without a client certificate, hostile.clientCertificate names the file it opens."));

    [Test]
    public void Resolve_CaBundleWithTwoCertificates_BothTrusted()
    {
        using var first = Ca("First");
        using var second = Ca("Second");
        var path = Path.Combine(folder, "bundle.pem");
        File.WriteAllText(path, first.ExportCertificatePem() + "\n" + second.ExportCertificatePem());
        var errors = new List<Diagnostic>();

        var target = TargetResolver.Resolve(Pack, Source(new() { ["hostile.caCertificate"] = path }), RunSettings.Default, null, errors);

        Assert.That(target!.Tls.ExtraRoots!.Select(c => c.Subject), Is.EqualTo(new[] { "CN=First", "CN=Second" }));
    }

    [TestCase("caCertificate", "cannot be read as a CA certificate")]
    [TestCase("clientCertificate", "cannot be opened as a client certificate")]
    public void Resolve_CertificateSettingNamesAPipe_ErrorWithoutWaitingForAWriter(string setting, string says)
    {
        var path = Path.Combine(folder, $"{setting}-pipe.pem");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", path))
        {
            mkfifo.WaitForExit();
        }

        Assert.That(Errors(new() { [$"hostile.{setting}"] = path }).Single(), Does.StartWith(
            $"runsettings:hostile.{setting}(1,1): error CT0303: '{path}' {says} (it is a pipe (FIFO), not a regular file, and certificate files are read whole), "),
            "before: the run's setup waited for a writer to the pipe, forever");
    }

    [Test]
    public void Resolve_CaCertificateLinkedToAnEndlessDevice_Error()
    {
        var path = Path.Combine(folder, "zero-ca.pem");
        File.CreateSymbolicLink(path, "/dev/zero");

        Assert.That(Errors(new() { ["hostile.caCertificate"] = path }).Single(), Does.StartWith(
            $"runsettings:hostile.caCertificate(1,1): error CT0303: '{path}' cannot be read as a CA certificate (it is a character device, not a regular file, and certificate files are read whole), "),
            "before: read until the process ran out of memory");
    }

    [Test]
    public void Resolve_CaCertificatePathWithATrailingLineBreak_Trusted()
    {
        using var ca = Ca("Trailing");
        var path = Path.Combine(folder, "trailing.pem");
        File.WriteAllText(path, ca.ExportCertificatePem());
        var errors = new List<Diagnostic>();

        var target = TargetResolver.Resolve(Pack, Source(new() { ["hostile.caCertificate"] = path + "\n" }), RunSettings.Default, null, errors);

        Assert.That(target!.Tls.ExtraRoots!.Select(c => c.Subject), Is.EqualTo(new[] { "CN=Trailing" }), string.Join("\n", errors));
    }

    private static List<string> Errors(Dictionary<string, string> settings)
    {
        settings.TryAdd("hostile.baseUrl", "https://staging.example.test/");
        var errors = new List<Diagnostic>();
        TargetResolver.Resolve(Pack, Source(settings), RunSettings.Default, null, errors);
        return errors.Select(e => e.ToString()).ToList();
    }

    private static SettingsSource Source(Dictionary<string, string> settings)
    {
        settings.TryAdd("hostile.baseUrl", "https://staging.example.test/");
        return new SettingsSource(settings.GetValueOrDefault, _ => null);
    }
}
