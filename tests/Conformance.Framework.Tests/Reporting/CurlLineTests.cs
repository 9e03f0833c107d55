using Conformance.Probing;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>
/// The curl line holds a URL of up to 2,000 characters whole and cuts a longer one, saying how long it was: a setup that
/// captured a 100,000-character id put all of it into every message, TRX and Allure file of the case.
/// </summary>
public sealed class CurlLineTests
{
    private static readonly Uri Base = new("http://127.0.0.1:9/");

    [Test]
    public void Build_UrlOver2000Characters_CutSayingItsLength()
    {
        var request = new ProbeRequest("DELETE", "/things/" + new string('7', 100_000), [], [], null, null, null);

        var curl = CurlLine.Build(Base, null, request, Redactor.None);

        Assert.That(curl, Is.EqualTo("curl -i -X DELETE 'http://127.0.0.1:9/things/" + new string('7', 2000 - 26) + "...(truncated, 100,026 characters)'"));
    }

    [Test]
    public void Build_UrlOf2000Characters_Whole()
    {
        var path = "/things/" + new string('7', 2000 - 26);
        var request = new ProbeRequest("GET", path, [], [], null, null, null);

        var curl = CurlLine.Build(Base, null, request, Redactor.None);

        Assert.That(curl, Is.EqualTo($"curl -i -X GET 'http://127.0.0.1:9{path}'"));
    }
}
