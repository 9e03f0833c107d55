using System.Text.Json;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A message that shortens a value (a schema violation quotes 60 characters, a setup failure 200 of the body) can cut a
/// long key in the middle; the part before the cut is masked too, not only the whole key.
/// </summary>
public sealed class CutSecretTests
{
    private const string Key = "key-LEAK-7f3a9c2e5b1d8f4a6c0e9b7d5f3a1c8e6b4d2f0a9c7e5b3d1f8a6c4e2b0d";

    [Test]
    public async Task RunAsync_SchemaViolationQuotesALongKeyShortened_PrefixMasked()
    {
        var outcome = await LeakRun.RunAsync("cut", EchoAsync, new Dictionary<string, string> { ["cut.token"] = Key });

        Assert.That(outcome.Leaks("LEAK"), Is.Empty);
        Assert.That(outcome.Results.Single().Checks.Single(c => c.CheckId == "body_schema_conformance").Details, Is.EqualTo(new[]
        {
            "/key: \"***... is longer than the maximum length 3 (69 characters) [schema /properties/key/maxLength]",
        }));
    }

    [TestCase("Body: {\"error\":\"bad key key-LEAK-7f3a...", "Body: {\"error\":\"bad key ***...")]
    [TestCase("key-LEAK-7f3a9c... and key-LEAK...", "***... and ***...")]
    [TestCase("keys... and key-L... stay", "keys... and key-L... stay")]
    public void Text_SecretCutBeforeAnEllipsis_PrefixMasked(string text, string expected) =>
        Assert.That(new Redactor([Key], []).Text(text), Is.EqualTo(expected));

    [Test]
    public void Text_HostileBodyOfEllipses_MaskedInLinearTime()
    {
        // A target may answer a megabyte of "a...a...": every ellipsis must not cost a scan of every secret's every length.
        var redactor = new Redactor([Key, "tok-4711-abcdef", "qa:pw-9f8e7d6c"], []);
        var body = string.Concat(Enumerable.Repeat("a...", 250_000)) + "key-LEAK-7f3a9c...";
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var text = redactor.Text(body);

        TestContext.Out.WriteLine($"{watch.ElapsedMilliseconds} ms");
        Assert.That(text, Does.EndWith("a...***..."));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    private static Task EchoAsync(HostileExchange x)
    {
        var key = x.Request.Headers.FirstOrDefault(h => h.Key.Equals("X-Api-Key", StringComparison.OrdinalIgnoreCase)).Value ?? string.Empty;
        return x.RespondAsync(200, "OK", "application/json", JsonSerializer.Serialize(new Dictionary<string, string> { ["key"] = key }));
    }
}
