using System.Text.Json;
using Conformance.Framework.Tests.Hostile;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// Credentials in URLs never reach a report: a configured base URL's user info and query, and in any URL a text quotes
/// (a redirect's Location, an error) the user info and each query parameter named like a credential.
/// </summary>
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
            + @"a key the API takes in the query belongs in auth \(query: <name>\) with escaped\.token, masked everywhere\. Fix: Set escaped\.baseUrl or CONFORMANCE_ESCAPED_BASEURL to the base URL without its query\.$"));
    }

    [Test]
    public async Task RunAsync_RedirectLocationCarriesAMintedToken_TokenMaskedInEveryReport()
    {
        var outcome = await LeakRun.RunAsync("redirect", x => x.RespondAsync(302, "Found", "application/json", "{}", "Location: https://sso.example.com/cb?access_token=minted-LEAK-1&state=x"), new Dictionary<string, string>
        {
            ["redirect.token"] = "tok-4711",
        });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Lines, Has.Some.EqualTo("Location: https://sso.example.com/cb?access_token=***&state=x"), "the location check and the Allure response");
        Assert.That(outcome.Lines, Has.Some.EqualTo("Location: expected matching \"^/home$\", received 'https://sso.example.com/cb?access_token=***&state=x'"));
        Assert.That(outcome.Results.Select(r => r.Message), Has.Some.StartWith("Not followed (redirect): Redirect to another origin (scheme, host or port) not followed: Location: https://sso.example.com/cb?access_token=***&state=x" + Environment.NewLine + "Reproduce: curl -i -X GET '"));
    }

    [TestCase("https//qa:bad-LEAK-9@staging.example.com/api", "'https//***@staging.example.com/api' is not an absolute http(s) URL")]
    [TestCase("qa:bad-LEAK-9@staging.example.com/api?api_key=k-LEAK-2", "'***@staging.example.com/api?***' is not an absolute http(s) URL")]
    [TestCase("ftp://qa:bad-LEAK-9@staging.example.com/", "'ftp://***@staging.example.com/' is not an absolute http(s) URL")]
    public async Task RunAsync_BaseUrlNotAUrlWithCredentialsInIt_MessageWithoutThem(string baseUrl, string what)
    {
        var outcome = await LeakRun.RunAsync("escaped", EchoAsync, new Dictionary<string, string> { ["escaped.baseUrl"] = baseUrl, ["escaped.token"] = "tok-4711" });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Results.Single().Message, Is.EqualTo($"Invalid target settings, no probe was sent:{Environment.NewLine}runsettings:escaped.baseUrl(1,1): error CT0301: {what}, probes need a full base URL such as https://staging.example.com/api. Fix: Set escaped.baseUrl or CONFORMANCE_ESCAPED_BASEURL to an absolute http(s) URL."));
    }

    [TestCase("https//qa:bad-LEAK-9@login.example.com/oauth/token", "'https//***@login.example.com/oauth/token' is not an absolute http(s) URL")]
    [TestCase("login.example.com/oauth/token?client_secret=cs-LEAK-3", "'login.example.com/oauth/token?***' is not an absolute http(s) URL")]
    public async Task RunAsync_TokenUrlNotAUrlWithCredentialsInIt_MessageWithoutThem(string tokenUrl, string what)
    {
        var outcome = await LeakRun.RunAsync("escaped", EchoAsync, new Dictionary<string, string>
        {
            ["escaped.baseUrl"] = "http://127.0.0.1:9/api",
            ["escaped.tokenUrl"] = tokenUrl,
            ["escaped.clientId"] = "client-1",
            ["escaped.clientSecret"] = "secret-4711",
        });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Results.Single().Message, Does.Contain($"error CT0303: {what}"));
    }

    [TestCase("see https://h.example/x?page=2&api_key=k-LEAK-1#top", "see https://h.example/x?page=2&api_key=***#top")]
    [TestCase("(postgres://admin:pw-LEAK-2@db:5432/app)", "(postgres://***@db:5432/app)")]
    [TestCase("{\"next\":\"/v1/things?cursor=9&sessionId=s-LEAK-3\"}", "{\"next\":\"/v1/things?cursor=9&sessionId=***\"}")]
    [TestCase("Location: https://app.example/cb#access_token=imp-LEAK-4&token_type=bearer", "Location: https://app.example/cb#access_token=***&token_type=***")]
    [TestCase("https://legacy.example/app;jsessionid=1A2B-LEAK-5?x=1", "https://legacy.example/app;jsessionid=***?x=1")]
    [TestCase("Tom & Jerry=friends, a?b=c", "Tom & Jerry=friends, a?b=c")]
    [TestCase("the pack sends a credential (?api_key={token})", "the pack sends a credential (?api_key={token})")]
    public void Text_UrlWithCredentialsInIt_Masked(string text, string expected) =>
        Assert.That(Conformance.Reporting.Redactor.None.Text(text), Is.EqualTo(expected));

    [Test]
    public void InUrl_ConfiguredUrlWithUserInfoAndQuery_EachCredentialMasked()
    {
        var redactor = new Conformance.Reporting.Redactor(Conformance.Reporting.Redactor.InUrl(new Uri("https://ci:p%40ss-word@broker.example.com/?code=key%2B7-abc")), []);

        Assert.That(redactor.Text("ci:p%40ss-word p@ss-word key%2B7-abc key+7-abc"), Is.EqualTo("*** *** *** ***"));
    }

    private static Task EchoAsync(HostileExchange x) =>
        x.RespondAsync(200, "OK", "application/json", JsonSerializer.Serialize(new Dictionary<string, string> { ["escaped"] = "a", ["slashes"] = "b", ["lower"] = "c", ["trimmed"] = "d" }));
}
