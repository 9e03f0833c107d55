using Conformance.Reporting.Allure;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>A target whose TLS is not the system's says so in the run's environment and its scorecard.</summary>
public sealed class TlsReportTests
{
    private static readonly Conformance.Tables.StatusRow Valid = Row("valid", "get_thing", "valid", 200);
    private string dir = null!;

    [SetUp]
    public void SetUp() => dir = TempDir();

    [TearDown]
    public void TearDown() => DeleteResults(dir);

    [Test]
    public void Finish_TargetWithTlsSettings_EnvironmentAndScorecardSayIt()
    {
        const string tls = "TLS: certificate NOT verified (insecureTls)";
        var writer = new AllureWriter(Scope(Valid) with { Tls = new Dictionary<string, string> { ["demo"] = tls } }, new ReportLocation(dir, dir), env: _ => null, gitHead: () => "abc1234def");
        writer.Write(Passed(Valid, 200));
        writer.Finish();

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(dir, "environment.properties")), Does.StartWith($"target.demo=https://api.example.test/v1/\ntls.demo={tls}\nframework.version="));
            Assert.That(File.ReadAllText(Path.Combine(dir, "scorecard.md")), Does.Contain($"\nTarget: https://api.example.test/v1/ ({tls})\n"));
        });
    }

    [Test]
    public void Describe_EachSetting_Named()
    {
        using var ca = Conformance.Framework.Tests.Targets.TestCertificates.Ca("Corp CA");
        using var client = Conformance.Framework.Tests.Targets.TestCertificates.Signed(ca, "qa-runner", server: false);

        Assert.Multiple(() =>
        {
            Assert.That(Conformance.Targets.TlsSettings.System.Describe(), Is.Null);
            Assert.That(new Conformance.Targets.TlsSettings([ca], true, client).Describe(), Is.EqualTo(
                "TLS: certificate NOT verified (insecureTls); trusting the private CA CN=Corp CA (caCertificate); client certificate CN=qa-runner (clientCertificate)"));
        });
    }
}
