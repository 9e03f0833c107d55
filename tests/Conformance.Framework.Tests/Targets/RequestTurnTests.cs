using Conformance.Probing;
using Conformance.Targets;
using Conformance.Framework.Tests.Hostile;
using Microsoft.Extensions.Time.Testing;
using static Conformance.Framework.Tests.Targets.StartLog;

namespace Conformance.Framework.Tests.Targets;

/// <summary>
/// <see cref="TargetClient.TurnAsync"/>: a request the client did not make (the pact verifier's, forwarded) takes the turn
/// the client's own take: the request budget, the concurrency bound, the API's pace and the host's limit, on the run's clock.
/// </summary>
public sealed class RequestTurnTests
{
    private static readonly ProbeRequest Get = new("GET", "/x", [], [], null, null, null);

    [Test]
    public async Task TurnAsync_OneRequestASecondSharedWithTheClientsOwn_EachStartsASecondApart()
    {
        var time = new FakeTimeProvider();
        var log = new StartLog(time);
        await using var server = HostileServer.Start(x =>
        {
            log.Record();
            return x.RespondAsync(200, "OK", "application/json", "{}");
        });
        using var client = new TargetClient(Options(server.BaseUri, 1), null, new RequestBudget(10), null, () => time);
        var expected = At(0, 1000, 2000);

        var sends = new[]
        {
            client.SendAsync(Get, CancellationToken.None),
            TurnAsync(client, server.BaseUri, log),
            client.SendAsync(Get, CancellationToken.None),
        };
        await log.WalkAsync(expected);
        await Task.WhenAll(sends);

        Assert.That(log.Starts, Is.EqualTo(expected), "1 a second, the forwarded request among the client's own: " + Shown(log.Starts));
    }

    [Test]
    public async Task TurnAsync_BudgetSpent_NotSentWithTheBudgetsMessage()
    {
        var budget = new RequestBudget(1);
        using var client = new TargetClient(Options(new Uri("http://127.0.0.1:9/"), 0), null, budget);
        var sent = 0;

        var first = await client.TurnAsync(new Uri("http://127.0.0.1:9/"), () => Task.FromResult(Interlocked.Increment(ref sent)), CancellationToken.None);
        var second = await client.TurnAsync(new Uri("http://127.0.0.1:9/"), () => Task.FromResult(Interlocked.Increment(ref sent)), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Null);
            Assert.That($"{second?.Heading}: {second?.Message}", Is.EqualTo("Not sent (budget): The run's request budget (1) is spent; no request was sent."));
            Assert.That(sent, Is.EqualTo(1));
            Assert.That(budget.Used, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task TurnAsync_CancelledWhileWaitingForItsPace_GivesItsBudgetPlaceBack()
    {
        var time = new FakeTimeProvider();
        var budget = new RequestBudget(10);
        using var client = new TargetClient(Options(new Uri("http://127.0.0.1:9/"), 1), null, budget, null, () => time);
        using var cancel = new CancellationTokenSource();
        await client.TurnAsync(new Uri("http://127.0.0.1:9/"), () => Task.CompletedTask, CancellationToken.None);

        var waiting = client.TurnAsync(new Uri("http://127.0.0.1:9/"), () => Task.CompletedTask, cancel.Token);
        await cancel.CancelAsync(); // the verifier gave up on it: it was never sent

        Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(budget.Used, Is.EqualTo(1));
    }

    private static TargetOptions Options(Uri baseUrl, double requestsPerSecond) =>
        new("t", baseUrl, null, false, 2, requestsPerSecond, TimeSpan.FromSeconds(5), 1 << 20, false);

    private static async Task<ProbeStep> TurnAsync(TargetClient client, Uri baseUrl, StartLog log)
    {
        using var http = new HttpClient();
        var failure = await client.TurnAsync(baseUrl, async () => (await http.GetAsync(new Uri(baseUrl, "y"))).Dispose(), CancellationToken.None);
        Assert.That(failure, Is.Null);
        return new ProbeStep(Get, null, null);
    }
}
