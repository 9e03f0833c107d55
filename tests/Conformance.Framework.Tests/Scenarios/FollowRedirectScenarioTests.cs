using System.Text.Json.Nodes;
using Conformance.Contracts;
using Conformance.Diagnostics;
using Conformance.Probing;

namespace Conformance.Framework.Tests.Scenarios;

public sealed class FollowRedirectScenarioTests
{
    private static readonly Operation Op = new("send", "POST", "/v1/sms", new Dictionary<string, string>(), [], new Dictionary<string, string>(),
        JsonNode.Parse("{\"text\":\"hi\"}"), null, true, new SourceLocation("api.yaml", 1, 1));

    private static Task<(ProbeExchange Exchange, List<ProbeRequest> Sent)> RunAsync(params ProbeResponse[] answers) => RunAsync("POST", "http://127.0.0.1:5080/api", answers);

    private static async Task<(ProbeExchange Exchange, List<ProbeRequest> Sent)> RunAsync(string method, string baseUrl, params ProbeResponse[] answers)
    {
        var sender = new Scripted(answers);
        var baseline = new ProbeRequest(method, "/v1/sms", [], [], "{\"text\":\"hi\"}", "application/json", "t");
        var input = new ScenarioInput(Checks.CheckFixture.Pack, Op, baseline, new Dictionary<string, JsonNode?>()) { BaseUrl = new Uri(baseUrl) };
        var exchange = await ScenarioCatalog.Find("follow_redirect")!.RunAsync(input, sender, CancellationToken.None);
        return (exchange, sender.Sent);
    }

    private static ProbeResponse Answer(int status, string? location = null) =>
        new(status, null, location is null ? [] : [new("Location", location)], Array.Empty<byte>(), false, TimeSpan.Zero);

    [Test]
    public async Task RunAsync_303_FollowsWithGetAndNoBody()
    {
        var (exchange, sent) = await RunAsync(Answer(303, "/api/v2/sms/1"), Answer(200));
        Assert.That(sent[1], Is.EqualTo(sent[1] with { Method = "GET", Path = "/v2/sms/1", Body = null, ContentType = null }));
        Assert.That(exchange.Response!.Status, Is.EqualTo(200));
        Assert.That(exchange.Earlier.Single().Response!.Status, Is.EqualTo(303));
    }

    [Test]
    public async Task RunAsync_307_KeepsMethodAndBody()
    {
        var (_, sent) = await RunAsync(Answer(307, "http://127.0.0.1:5080/api/v2/sms"), Answer(200));
        Assert.That((sent[1].Method, sent[1].Path, sent[1].Body), Is.EqualTo(("POST", "/v2/sms", "{\"text\":\"hi\"}")));
    }

    [Test]
    public async Task RunAsync_NoLocation_RepeatsSameUrl()
    {
        var (_, sent) = await RunAsync(Answer(302), Answer(200));
        Assert.That((sent[1].Method, sent[1].Path), Is.EqualTo(("GET", "/v1/sms")));
    }

    [Test]
    public async Task RunAsync_OtherHost_NotFollowed()
    {
        var (exchange, sent) = await RunAsync(Answer(301, "https://evil.example/steal"));
        Assert.That(sent, Has.Count.EqualTo(1));
        Assert.That(exchange.Failure!.Message, Is.EqualTo("Redirect to another origin (scheme, host or port) not followed: Location: https://evil.example/steal"));
    }

    [TestCase("PUT", 301, "PUT")]
    [TestCase("DELETE", 302, "DELETE")]
    [TestCase("POST", 301, "GET")]
    [TestCase("PUT", 303, "GET")]
    public async Task RunAsync_Redirect_OnlyRfc9110sMethodChanges(string method, int status, string followedWith)
    {
        var (_, sent) = await RunAsync(method, "http://127.0.0.1:5080/api", Answer(status, "/api/v2/sms"), Answer(200));
        Assert.That(sent[1].Method, Is.EqualTo(followedWith));
    }

    [Test]
    public async Task RunAsync_HttpsToHttpOnTheSameHost_NotFollowed()
    {
        var (exchange, sent) = await RunAsync("GET", "https://api.example.test/api", Answer(301, "http://api.example.test/api/v2/sms"));
        Assert.That(sent, Has.Count.EqualTo(1));
        Assert.That(exchange.Failure!.Kind, Is.EqualTo("redirect"));
    }

    [Test]
    public async Task RunAsync_RedirectLoop_StopsAfterMaxHopsJudgesTheLastAndSaysItLoops()
    {
        var loop = Enumerable.Repeat(Answer(302, "/api/v1/sms"), 10).ToArray();
        var (exchange, sent) = await RunAsync(loop);
        Assert.That(sent, Has.Count.EqualTo(6));
        Assert.That(exchange.Response!.Status, Is.EqualTo(302), "a loop is the target's: the last 3xx is judged against the row");
        Assert.That(exchange.Note, Is.EqualTo(
            "NOT FOLLOWED further: 302 after 5 redirects followed (maxHops 5): Location: /api/v1/sms (hop 6, the answer to GET /v1/sms); a redirect loop: it leads back to GET /v1/sms, request 2 of the chain"));
    }

    [Test]
    public async Task RunAsync_ChainLongerThanMaxHops_NoteSaysHowToRaiseIt()
    {
        var chain = Enumerable.Range(1, 6).Select(i => Answer(307, $"/api/v1/hop{i}?n={i}")).ToArray();
        var (exchange, sent) = await RunAsync(chain);
        Assert.That(sent, Has.Count.EqualTo(6));
        Assert.That(exchange.Note, Is.EqualTo(
            "NOT FOLLOWED further: 307 after 5 redirects followed (maxHops 5): Location: /api/v1/hop6?n=6 (hop 6, the answer to POST /v1/hop5?n=5); raise maxHops (at most 10) if the chain is meant to be longer"));
    }

    [Test]
    public async Task RunAsync_ChainEndingWithinMaxHops_NoNote()
    {
        var (exchange, _) = await RunAsync(Answer(302, "/api/v1/a"), Answer(200));
        Assert.That(exchange.Note, Is.Null);
    }

    private sealed class Scripted(ProbeResponse[] answers) : IProbeSender
    {
        public List<ProbeRequest> Sent { get; } = [];

        public Task<ProbeStep> SendAsync(ProbeRequest request, CancellationToken cancellationToken)
        {
            Sent.Add(request);
            return Task.FromResult(new ProbeStep(request, answers[Sent.Count - 1], null));
        }
    }
}
