using System.Text;
using System.Text.Json;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A Basic credential is configured as base64("user:password"); a target that decodes it may quote the password, or the
/// pair, in its error. Both are masked like the token itself; the user name stays readable.
/// </summary>
public sealed class BasicEchoTests
{
    [Test]
    public async Task RunAsync_TargetQuotesTheDecodedBasicCredential_PasswordMasked()
    {
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes("AC7f3:pw-LEAK-77"));
        var outcome = await LeakRun.RunAsync("basic", EchoAsync, new Dictionary<string, string> { ["basic.token"] = token });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Results.Single().Checks.Single(c => c.CheckId == "body_value_conformance").Details, Is.EqualTo(new[]
        {
            "/message: expected \"nope\", received \"user AC7f3 with password *** rejected\"",
            "/pair: expected \"nope\", received \"***\"",
        }));
    }

    [TestCase("c2VjcmV0LXRva2Vu")] // base64 of "secret-token": no colon, not a Basic pair
    [TestCase("not base64 at all")]
    public void Text_SecretThatIsNoBasicPair_OnlyItselfMasked(string secret) =>
        Assert.That(new Redactor([secret], []).Text($"{secret} secret-token"), Is.EqualTo("*** secret-token"));

    private static Task EchoAsync(HostileExchange x)
    {
        var header = x.Request.Headers.FirstOrDefault(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value ?? string.Empty;
        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
        var message = $"user {pair[..pair.IndexOf(':', StringComparison.Ordinal)]} with password {pair[(pair.IndexOf(':', StringComparison.Ordinal) + 1)..]} rejected";
        return x.RespondAsync(200, "OK", "application/json", JsonSerializer.Serialize(new Dictionary<string, string> { ["message"] = message, ["pair"] = pair }));
    }
}
