using Conformance.Reporting;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A redactor remembers the short texts it masked (a run masks the same check messages and header values in case after
/// case); what it remembers must never outlive what it knows: a secret learned later, or a case's own, is masked in a
/// text masked before.
/// </summary>
public sealed class RememberedTextTests
{
    private const string Text = "Received 401 for token tok-LATE-4711 as expected.";

    [Test]
    public void Text_SameTextTwice_SameMaskedText()
    {
        var redactor = new Redactor(["tok-LATE-4711"], []);

        Assert.That(new[] { redactor.Text(Text), redactor.Text(Text) }, Is.EqualTo(new[] { "Received 401 for token *** as expected.", "Received 401 for token *** as expected." }));
    }

    [Test]
    public void Text_SecretAddedAfterTheTextWasMasked_MasksItNow()
    {
        var redactor = new Redactor(["other-secret-1"], []);
        var before = redactor.Text(Text);

        redactor.Add("tok-LATE-4711");

        Assert.That((before, redactor.Text(Text)), Is.EqualTo((Text, "Received 401 for token *** as expected.")));
    }

    [Test]
    public void Text_CaseSecretAfterTheRunMaskedTheText_MasksItInTheCase()
    {
        var run = new Redactor(["other-secret-1"], []);
        var before = run.Text(Text);

        var masked = run.WithSecrets(["tok-LATE-4711"]).Text(Text);

        Assert.That((before, masked, run.Text(Text)), Is.EqualTo((Text, "Received 401 for token *** as expected.", Text)));
    }

    [Test]
    public void Text_SameTextInAnotherRunWithOtherSecretNames_MaskedByItsOwnNames()
    {
        const string url = "GET https://staging.example.com/items?x-tenant-pin=4711-2204";
        var first = new Redactor([], []);
        var firstMasked = first.Text(url);

        var second = new Redactor([], ["x-tenant-pin"]);

        Assert.That((firstMasked, second.Text(url)), Is.EqualTo((url, "GET https://staging.example.com/items?x-tenant-pin=***")));
    }

    [Test]
    public void Text_MoreTextsThanRemembered_EachStillMasked()
    {
        var redactor = new Redactor(["tok-LATE-4711"], []);
        var texts = Enumerable.Range(0, 10_000).Select(i => $"case {i}: tok-LATE-4711").ToList();

        var masked = texts.Select(redactor.Text).Concat(texts.Select(redactor.Text)).ToList();

        Assert.That(masked.Where(m => m.Contains("LATE", StringComparison.Ordinal)), Is.Empty);
    }
}
