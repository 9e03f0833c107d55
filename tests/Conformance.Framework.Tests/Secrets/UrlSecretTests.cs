using System.Text.Json;
using Conformance.Framework.Tests.Hostile;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>Credentials in a configured base URL: its user info, and the values of its query, never reach a report.</summary>
public sealed class UrlSecretTests
{
    [Test]
    public async Task AllureWriter_BaseUrlWithUserInfo_RequestAttachmentWithoutThePassword()
    {
        var outcome = await LeakRun.RunAsync("escaped", EchoAsync, new Dictionary<string, string>
        {
            ["escaped.baseUrl"] = "http://qa:pw-LEAK-8@{server}/",
            ["escaped.token"] = "tok-4711",
        });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Lines, Has.Some.Matches(@"^GET http://\*\*\*@127\.0\.0\.1:\d+/echo$"), "the Allure request attachment");
    }

    [Test]
    public async Task RunAsync_BaseUrlWithAKeyInItsQuery_RefusedWithoutTheKey()
    {
        // RestSharp sends no part of a base URL's query, while reports showed it whole (scorecard, environment.properties, curl).
        var requests = 0;
        var outcome = await LeakRun.RunAsync("escaped", x => { Interlocked.Increment(ref requests); return EchoAsync(x); }, new Dictionary<string, string>
        {
            ["escaped.baseUrl"] = "http://qa:pw-LEAK-9@{server}/api?code=url-LEAK-3&x=1",
            ["escaped.token"] = "tok-4711",
        });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(requests, Is.Zero);
        Assert.That(outcome.Results.Single().Message, Does.Match(
            @"^Invalid target settings, no probe was sent:\r?\nrunsettings:escaped\.baseUrl\(1,1\): error CT0301: escaped\.baseUrl has a query after 'http://127\.0\.0\.1:\d+/api' \(not shown: it may hold a key\), which no probe sends, "
            + @"a key the API takes in the query belongs in auth \(query: <name>\) with escaped\.token, masked everywhere\. Fix: Set <api>\.baseUrl or CONFORMANCE_<API>_BASEURL to an absolute http\(s\) URL\.$"));
    }

    [Test]
    public void InUrl_ConfiguredUrlWithUserInfoAndQuery_EachCredentialMasked()
    {
        var redactor = new Conformance.Reporting.Redactor(Conformance.Reporting.Redactor.InUrl(new Uri("https://ci:p%40ss-word@broker.example.com/?code=key%2B7-abc")), []);

        Assert.That(redactor.Text("ci:p%40ss-word p@ss-word key%2B7-abc key+7-abc"), Is.EqualTo("*** *** *** ***"));
    }

    private static Task EchoAsync(HostileExchange x) =>
        x.RespondAsync(200, "OK", "application/json", JsonSerializer.Serialize(new Dictionary<string, string> { ["escaped"] = "a", ["slashes"] = "b", ["lower"] = "c", ["trimmed"] = "d" }));
}
