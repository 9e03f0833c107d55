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

    private static Task EchoAsync(HostileExchange x) =>
        x.RespondAsync(200, "OK", "application/json", JsonSerializer.Serialize(new Dictionary<string, string> { ["escaped"] = "a", ["slashes"] = "b", ["lower"] = "c", ["trimmed"] = "d" }));
}
