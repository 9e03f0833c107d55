using System.Net.Sockets;
using Conformance.Contracts;
using Conformance.Framework.Tests.Engine;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Targets;

/// <summary>
/// A probe that reaches no answer, over real loopback sockets: each message says what failed, the host and port (never
/// the base URL's user info, path or query) and the setting to check, <c>hostile.baseUrl</c> with its environment
/// variable, and for a timeout <c>conformance.timeoutSeconds</c> with its own.
/// </summary>
public sealed class TransportFailureTests
{
    private const string Check = "Check hostile.baseUrl (CONFORMANCE_HOSTILE_BASEURL)";
    private static readonly LoadedPack Pack = PackLoader.Load(Path.Combine(HostileRun.PacksFolder, "hostile"), AppContext.BaseDirectory);

    [Test]
    public async Task RunAsync_NothingListensOnThePort_RefusedNamingHostPortAndBaseUrl()
    {
        using var closed = new ClosedPort();
        var baseUrl = $"http://127.0.0.1:{closed.Port}/api/";

        var result = await ProbeAsync(baseUrl);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.Message, Is.EqualTo(
                $"Target unreachable (refused): Connection refused by 127.0.0.1:{closed.Port}: nothing listens there. {Check}." + Environment.NewLine
                + $"Reproduce: curl -i -X GET '{baseUrl}ok'"));
        });
    }

    [Test]
    public async Task RunAsync_ListenerResetsTheConnection_ResetNamingHostPortAndBaseUrl()
    {
        await using var server = HostileServer.Start(x =>
        {
            x.Socket.LingerState = new LingerOption(true, 0);
            x.Socket.Close();
            return Task.CompletedTask;
        });

        var result = await ProbeAsync(server.BaseUri.ToString());

        Assert.That(result.Message, Is.EqualTo(
            $"Target unreachable (reset): The connection to {server.BaseUri.Authority} was reset before a complete response (Connection reset by peer). {Check}; "
            + "if resets come and go, conformance.transportRetries sends a GET, HEAD or OPTIONS again." + Environment.NewLine
            + $"Reproduce: curl -i -X GET '{server.BaseUri}ok'"));
    }

    [Test]
    public async Task RunAsync_ListenerNeverAnswers_TimeoutNamingHostPortAndTheTimeoutSetting()
    {
        await using var server = HostileServer.Start(x => Task.Delay(Timeout.Infinite, x.Stopping));

        var result = await ProbeAsync(server.BaseUri.ToString(), new() { ["conformance.timeoutSeconds"] = "0.5" });

        Assert.Multiple(() =>
        {
            Assert.That(result.Message, Is.EqualTo(
                $"Target unreachable (timeout): No complete response from {server.BaseUri.Authority} within 0.5 s. {Check}, "
                + "or raise conformance.timeoutSeconds (CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) if it is that slow." + Environment.NewLine
                + $"Reproduce: curl -i -X GET '{server.BaseUri}ok'"));
            Assert.That(result.Duration, Is.LessThan(TimeSpan.FromSeconds(3)));
        });
    }

    [Test]
    public async Task RunAsync_HostNameThatCannotResolve_DnsNamingHostPortAndBaseUrl()
    {
        // .invalid never resolves (RFC 2606); the default port is named too.
        var result = await ProbeAsync("http://conformance-probe.invalid/");

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.Message.Split(Environment.NewLine)[0], Is.EqualTo(
                $"Target unreachable (dns): The host name of conformance-probe.invalid:80 could not be resolved (DNS): no such host is known from here. {Check}."));
        });
    }

    [Test]
    public async Task RunAsync_BaseUrlWithUserInfo_FailureLineShowsOnlyHostAndPort()
    {
        using var closed = new ClosedPort();

        var result = await ProbeAsync($"http://qa-user:hunter2-secret@127.0.0.1:{closed.Port}/private/path/");

        Assert.That(result.Message.Split(Environment.NewLine)[0], Is.EqualTo(
            $"Target unreachable (refused): Connection refused by 127.0.0.1:{closed.Port}: nothing listens there. {Check}."));
    }

    [Test]
    public void Forwarded_CancelledWithAResetSocketInside_TimeoutNotReset()
    {
        // As HttpClient's timeout reads when the connection it tears down fails the pending read first.
        var socket = new SocketException((int)SocketError.ConnectionReset);
        var error = new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 2 seconds elapsing.", new TimeoutException("The operation was canceled.", new IOException("Unable to read data from the transport connection", socket)));

        var failure = Conformance.Targets.TransportFailure.Forwarded(error, Conformance.Targets.TransportFailure.Place.Of(new Uri("http://qa:pw@10.0.0.5:8080/v1/"), "hostile", "baseUrl"), TimeSpan.FromSeconds(2));

        Assert.That(failure, Is.EqualTo(new Conformance.Probing.ProbeFailure("timeout",
            $"No complete response from 10.0.0.5:8080 within 2 s. {Check}, or raise conformance.timeoutSeconds (CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) if it is that slow.")));
    }

    [Test]
    public void Forwarded_ResetSocket_ResetWithoutTheRetryHint()
    {
        var error = new HttpRequestException("An error occurred while sending the request.", new IOException("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset)));

        var failure = Conformance.Targets.TransportFailure.Forwarded(error, Conformance.Targets.TransportFailure.Place.Of(new Uri("http://10.0.0.5:8080/"), "hostile", "baseUrl"), TimeSpan.FromSeconds(2));

        Assert.That(failure, Is.EqualTo(new Conformance.Probing.ProbeFailure("reset",
            $"The connection to 10.0.0.5:8080 was reset before a complete response ({new SocketException((int)SocketError.ConnectionReset).Message}). {Check}.")));
    }

    private static async Task<CaseResult> ProbeAsync(string baseUrl, Dictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>(extra ?? []) { ["hostile.baseUrl"] = baseUrl };
        settings.TryAdd("conformance.timeoutSeconds", "5");
        return (await EngineHarness.RunRowsAsync(Pack, [Pack.Rows.Single(r => r.OperationId == "ok")], settings)).Single();
    }
}
