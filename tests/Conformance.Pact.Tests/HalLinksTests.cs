using System.Text;

namespace Conformance.Pact.Tests;

/// <summary>
/// Only the links the verifier follows are rewritten: the hrefs in the <c>_links</c> of a broker answer and of the
/// resources embedded in it; a pact's own content passes byte for byte, its own <c>_links</c> included.
/// </summary>
public sealed class HalLinksTests
{
    private const string Broker = "http://broker.example.com:9292";

    [Test]
    public void Rewrite_PactQuotingTheBroker_RewritesOnlyThePactsLinks()
    {
        const string Pact = """
            { "consumer": {"name": "ui", "note": "http://broker.example.com:9292/x"},
              "provider": {"name": "api"},
              "interactions": [ {"request": {"path": "/cb/http://broker.example.com:9292/p", "body": {"_links": {"self": {"href": "http://broker.example.com:9292/p"}}}},
                                 "providerStates": [{"params": {"href": "http:\/\/broker.example.com:9292\/s"}}]} ],
              "metadata": {"pactSpecification": {"version": "3.0.0"}, "n": 1.50},
              "_links": {"self": {"href": "http://broker.example.com:9292/pacts/1"}, "pb:curies": [{"href": "http:\/\/broker.example.com:9292\/doc", "templated": true}]} }
            """;

        var rewritten = Rewrite(Pact);

        Assert.That(rewritten, Is.EqualTo(Pact
            .Replace("\"http://broker.example.com:9292/pacts/1\"", "\"LINK:http://broker.example.com:9292/pacts/1\"", StringComparison.Ordinal)
            .Replace("\"http:\\/\\/broker.example.com:9292\\/doc\"", "\"LINK:http://broker.example.com:9292/doc\"", StringComparison.Ordinal)));
    }

    [Test]
    public void Rewrite_EmbeddedResources_RewritesTheirLinksAtAnyDepth()
    {
        const string Answer = """
            {"_embedded":{"pacts":[{"shortDescription":"see http://broker.example.com:9292/a","_links":{"self":{"href":"BROKER/a","name":"BROKER/n"}},
             "_embedded":{"version":{"_links":{"self":[{"href":"BROKER/v"}]}}}}]},"other":{"_links":{"self":{"href":"BROKER/o"}}}}
            """;

        var rewritten = Rewrite(Answer.Replace("BROKER", Broker, StringComparison.Ordinal));

        Assert.That(rewritten, Is.EqualTo(Answer
            .Replace("\"BROKER/a\"", "\"LINK:BROKER/a\"", StringComparison.Ordinal)
            .Replace("\"BROKER/v\"", "\"LINK:BROKER/v\"", StringComparison.Ordinal)
            .Replace("BROKER", Broker, StringComparison.Ordinal)));
    }

    [TestCase("not json http://broker.example.com:9292/")]
    [TestCase("""["http://broker.example.com:9292/"]""")]
    public void Rewrite_NotAHalResource_PassesAsItCame(string answer)
    {
        Assert.That(Rewrite(answer), Is.EqualTo(answer));
    }

    [TestCase("http://broker.example.com:9292/pacts/provider/{provider}/for-verification", "http://127.0.0.1:5000/pacts/provider/{provider}/for-verification")]
    [TestCase("HTTPS://user:secret@Broker-Alias.example.com/pact/pacts?x=1", "http://127.0.0.1:5000/pact/pacts?x=1")]
    [TestCase("http://broker.example.com:9292?x=1", "http://127.0.0.1:5000/?x=1")]
    [TestCase("http://broker.example.com:9292", "http://127.0.0.1:5000/")]
    [TestCase("/relative/link", null)]
    [TestCase("http://{host}/pacts", null)]
    [TestCase("mailto:pact@example.com", null)]
    public void OnForwarder_Link_KeepsPathAndQueryOnTheForwarder(string href, string? expected)
    {
        Assert.That(HalLinks.OnForwarder(href, "http://127.0.0.1:5000"), Is.EqualTo(expected));
    }

    private static string Rewrite(string json) =>
        Encoding.UTF8.GetString(HalLinks.Rewrite(Encoding.UTF8.GetBytes(json), href => href.StartsWith(Broker, StringComparison.Ordinal) ? "LINK:" + href : null));
}
