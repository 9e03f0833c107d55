namespace Conformance.Pact.Tests;

/// <summary>
/// The requests a CredentialProxy forwarded line up with the interactions of the verifier's result that sent one (not
/// those whose provider state failed); the one refused a fetched token that could not be renewed gets its reason, the one
/// not sent (the request budget spent) why alone.
/// </summary>
public sealed class ProxyLedgerTests
{
    private const string Reason = "Token request failed: POST http://127.0.0.1:9/oauth/token answered 401 Unauthorized: invalid_client";

    [Test]
    public void Explain_RequestRefusedWithoutNewToken_OnlyItsInteractionBrokenSayingWhy()
    {
        var ledger = Ledger(null, Reason, Reason);
        var result = Result(
            new InteractionVerification("read", true, null),
            new InteractionVerification("stateful", false, "Provider state 'x': Setup failed") { Broken = true, Unsent = true },
            new InteractionVerification("update", false, "expected 200 but was 401"),
            new InteractionVerification("expects 401", true, null));

        var explained = ledger.Explain(result).Interactions;

        Assert.Multiple(() =>
        {
            Assert.That(explained.Select(i => (i.Description, i.Broken)), Is.EqualTo(new[] { ("read", false), ("stateful", true), ("update", true), ("expects 401", false) }));
            Assert.That(explained[2].Mismatch, Is.EqualTo($"The target answered 401 Unauthorized to the fetched token, and a new one could not be fetched: {Reason}{Environment.NewLine}The verifier: expected 200 but was 401"));
            Assert.That(explained[1].Mismatch, Is.EqualTo("Provider state 'x': Setup failed"));
            Assert.That(explained[3].Mismatch, Is.Null, "an interaction that passed keeps its verdict");
        });
    }

    [Test]
    public void Explain_RequestNotSent_ItsInteractionBrokenWithWhyAlone()
    {
        const string NotSent = "Not sent (budget): The run's request budget (1) is spent; no request was sent.";
        var ledger = new ProxyLedger();
        ledger.Begin();
        ledger.NotSent(ledger.Begin(), NotSent);

        var explained = ledger.Explain(ReadPassedUpdateDropped()).Interactions;

        Assert.Multiple(() =>
        {
            Assert.That(explained.Select(i => (i.Description, i.Broken)), Is.EqualTo(new[] { ("read", false), ("update", true) }));
            Assert.That(explained[1].Mismatch, Is.EqualTo(NotSent), "the verifier's words on the dropped connection are no news of the target");
        });
    }

    [Test]
    public void Explain_RequestUnreached_ItsInteractionBrokenAsAProbeWouldSayIt()
    {
        var ledger = new ProxyLedger();
        ledger.Begin();
        ledger.Unreached(ledger.Begin(), new Probing.ProbeFailure("refused", "Connection refused by 10.0.0.5:8080: nothing listens there. Check notes.baseUrl (CONFORMANCE_NOTES_BASEURL)."));

        var explained = ledger.Explain(ReadPassedUpdateDropped()).Interactions;

        Assert.Multiple(() =>
        {
            Assert.That(explained.Select(i => (i.Description, i.Broken)), Is.EqualTo(new[] { ("read", false), ("update", true) }));
            Assert.That(explained[1].Mismatch, Is.EqualTo(
                "Target unreachable (refused): Connection refused by 10.0.0.5:8080: nothing listens there. Check notes.baseUrl (CONFORMANCE_NOTES_BASEURL)."),
                "the verifier's words name the proxy's port, not the target");
        });
    }

    /// <summary>Two interactions: "read" passed, "update" failed on the connection the proxy dropped, as the verifier words it.</summary>
    private static PactVerificationResult ReadPassedUpdateDropped() => Result(
        new InteractionVerification("read", true, null),
        new InteractionVerification("update", false, "error sending request for url (http://127.0.0.1:9/notes/n1)"));

    [Test]
    public void Explain_RequestsDoNotLineUpWithInteractions_ResultUnchanged()
    {
        var ledger = Ledger(Reason);
        var result = Result(new InteractionVerification("a", false, "expected 200 but was 401"), new InteractionVerification("b", false, "expected 200 but was 401"));

        Assert.That(ledger.Explain(result), Is.SameAs(result), "a request more or fewer (a redirect followed): no interaction named wrongly");
    }

    [Test]
    public void Explain_NoRenewalFailed_ResultUnchanged()
    {
        var result = Result(new InteractionVerification("a", false, "expected 200 but was 401"));

        Assert.That(Ledger((string?)null).Explain(result), Is.SameAs(result));
    }

    private static ProxyLedger Ledger(params string?[] failures)
    {
        var ledger = new ProxyLedger();
        foreach (var failure in failures)
        {
            var place = ledger.Begin();
            if (failure is not null)
            {
                ledger.Refused(place, failure);
            }
        }

        return ledger;
    }

    private static PactVerificationResult Result(params InteractionVerification[] interactions) => new(false, interactions, string.Empty);
}
