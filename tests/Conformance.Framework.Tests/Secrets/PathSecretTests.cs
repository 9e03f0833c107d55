using System.Text.Json;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A webhook-style base URL carries its key in the path (<c>https://hooks.example.com/services/T000/B000/&lt;key&gt;</c>):
/// a path segment that reads as a key (a run of 16 or more letters and digits mixed, or of mixed-case letters) is a
/// secret of the run, masked in curl lines, request attachments and messages; words, dates and short ids stay readable.
/// So is a label of its hostname read the same way (<c>https://&lt;32-hex key&gt;.webhook.example.com/</c>).
/// </summary>
public sealed class PathSecretTests
{
    private const string Webhook = "/services/T0001/B0001/hk7Q2xLEAKm9ZpR4tW8vN3bY";

    [TestCase("https://hooks.example.com/services/T0001/B0001/hk7Q2xLEAKm9ZpR4tW8vN3bY", "https://hooks.example.com/services/T0001/B0001/***", "hk7Q2xLEAKm9ZpR4tW8vN3bY")]
    [TestCase("https://api.example.com/keys/d41d8cd98f00b204e9800998ecf8427e/v1", "https://api.example.com/keys/***/v1", "d41d8cd98f00b204e9800998ecf8427e")]
    [TestCase("https://api.example.com/t/d7a55414-ee59-4837-9760-26ce07e07877/", "https://api.example.com/t/***/", "d7a55414-ee59-4837-9760-26ce07e07877")]
    [TestCase("https://hooks.example.com/h/hkQxLEAKmZpRtWvNbYaBcDeF", "https://hooks.example.com/h/***", "hkQxLEAKmZpRtWvNbYaBcDeF")]
    [TestCase("https://hooks.example.com/h/key%2B7abc9def0ghi1jkl2", "https://hooks.example.com/h/***", "key+7abc9def0ghi1jkl2")]
    public void InUrl_PathSegmentThatReadsAsAKey_Masked(string url, string masked, string key) =>
        Assert.That(new Redactor(Redactor.InUrl(new Uri(url)), []).Text($"POST {url} with {key}"), Is.EqualTo($"POST {masked} with ***"));

    [TestCase("https://api.example.com/v2/")]
    [TestCase("https://staging.example.com/api/v1/tenants/acme-corporation")]
    [TestCase("https://api.example.com/2023-10-01-preview/")]
    [TestCase("https://api.example.com/customer-2024-archive/")]
    [TestCase("https://x.example.com/IncomingWebhookService/")]
    [TestCase("https://hooks.example.com/services/T00000000/B00000000/")]
    [TestCase("https://discord.example.com/api/webhooks/123456789012345678/")]
    public void InUrl_OrdinaryPathSegments_NoSecret(string url) =>
        Assert.That(Redactor.InUrl(new Uri(url)), Is.Empty);

    [TestCase("https://d41d8cd98f00b204e9800998ecf8427e.webhook.example.com/", "https://***.webhook.example.com/", "D41D8CD98F00B204E9800998ECF8427E")]
    [TestCase("https://hooks.example.com/", "https://hooks.example.com/", "hooks")]
    public void InUrl_HostLabelThatReadsAsAKey_Masked(string url, string masked, string key) =>
        Assert.That(new Redactor(Redactor.InUrl(new Uri(url)), []).Text($"POST {url} with {key}"), Is.EqualTo($"POST {masked} with {(masked == url ? key : "***")}"));

    [TestCase("https://api.eu-west-1.example.com/")]
    [TestCase("https://my-company-staging-2024.example.com/")]
    [TestCase("https://ec2-54-123-45-67.compute-1.amazonaws.com/")]
    [TestCase("https://platform.devtest.ringcentral.com/restapi/v1.0/")]
    [TestCase("https://127.0.0.1:8080/")]
    [TestCase("https://[::1]:8080/")]
    public void InUrl_OrdinaryHostnames_NoSecret(string url) =>
        Assert.That(Redactor.InUrl(new Uri(url)), Is.Empty);

    [Test]
    public async Task RunAsync_BaseUrlWithAKeyInItsHostRefused_MessageWithoutIt()
    {
        var outcome = await LeakRun.RunAsync("escaped", EchoPathAsync, new Dictionary<string, string>
        {
            ["escaped.baseUrl"] = "https://d41d8cd98f00b204e9800998ecf8427e.webhook.example.com/",
            ["escaped.token"] = "tok-4711",
            ["conformance.allowedHosts"] = "staging.example.com",
        });

        Assert.That(outcome.Leaks("d41d8cd98f00b204e9800998ecf8427e"), Is.Empty);
        Assert.That(outcome.Results.Single().Message, Is.EqualTo("Invalid target settings, no probe was sent:" + Environment.NewLine
            + "runsettings:escaped.baseUrl(1,1): error CT0302: Host '***.webhook.example.com' is not in conformance.allowedHosts (staging.example.com), no request is sent to a host the run does not allow. "
            + "Fix: Add the host to conformance.allowedHosts, or point the pack at an allowed host."));
    }

    [Test]
    public async Task RunAsync_BaseUrlWithAKeyInItsPath_NoArtifactHoldsIt()
    {
        var outcome = await LeakRun.RunAsync("escaped", EchoPathAsync, new Dictionary<string, string>
        {
            ["escaped.baseUrl"] = "http://{server}" + Webhook,
            ["escaped.token"] = "tok-4711",
        });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Lines, Has.Some.Matches(@"^GET http://127\.0\.0\.1:\d+/services/T0001/B0001/\*\*\*/echo$"), "the Allure request attachment");
        Assert.That(outcome.Results.Single().Curl, Does.Match(@"^curl -i -X GET 'http://127\.0\.0\.1:\d+/services/T0001/B0001/\*\*\*/echo' "));
        Assert.That(outcome.Lines, Has.Some.EqualTo("/escaped: expected \"nope\", received \"/services/T0001/B0001/***/echo\""));
    }

    [Test]
    public async Task RunAsync_BaseUrlNotAUrlWithAKeyInItsPath_MessageWithoutIt()
    {
        var outcome = await LeakRun.RunAsync("escaped", EchoPathAsync, new Dictionary<string, string> { ["escaped.baseUrl"] = "hooks.example.com" + Webhook, ["escaped.token"] = "tok-4711" });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Results.Single().Message, Does.Contain("error CT0301: 'hooks.example.com/services/T0001/B0001/***' is not an absolute http(s) URL"));
    }

    private static Task EchoPathAsync(HostileExchange x) =>
        x.RespondAsync(200, "OK", "application/json", JsonSerializer.Serialize(new Dictionary<string, string> { ["escaped"] = x.Request.Path, ["slashes"] = "b", ["lower"] = "c", ["trimmed"] = "d" }));
}
