using System.Text.Json.Nodes;
using Conformance.Contracts;
using Conformance.Pact.States;

namespace Conformance.Pact.Tests;

/// <summary>
/// The servers the verifier talks to on this machine (<see cref="LoopbackHost"/>: the credential forwarder, which
/// carries the target's token, and the state-change endpoint) listen on 127.0.0.1 alone, whatever the process's
/// ASP.NET configuration says: Kestrel binds a Kestrel:Endpoints section (Kestrel__Endpoints__* variables, an
/// appsettings.json in the current directory) in place of the address it was given.
/// </summary>
[NonParallelizable] // sets a process environment variable
public sealed class LoopbackHostTests
{
    private const string KestrelEndpoint = "Kestrel__Endpoints__Everywhere__Url";

    [Test]
    public Task CredentialProxyStartAsync_KestrelEndpointInEnvironment_ListensOnLoopbackOnly() => WithEndpointEverywhereAsync(async () =>
    {
        var bearer = new AuthScheme("Authorization", null, "Bearer {token}", null, "sample-token");
        await using var proxy = await CredentialProxy.StartAsync(new Uri("http://127.0.0.1:9/api"), bearer, "target-own-7f3a", TimeSpan.FromSeconds(10));

        Assert.That(proxy.BaseUri.Host, Is.EqualTo("127.0.0.1"));
    });

    [Test]
    public Task StateChangeServerStartAsync_KestrelEndpointInEnvironment_ListensOnLoopbackOnly() => WithEndpointEverywhereAsync(async () =>
    {
        await using var server = await StateChangeServer.StartAsync(new Nothing());

        Assert.That(server.Uri.Host, Is.EqualTo("127.0.0.1"));
    });

    private static async Task WithEndpointEverywhereAsync(Func<Task> test)
    {
        Environment.SetEnvironmentVariable(KestrelEndpoint, "http://0.0.0.0:0");
        try
        {
            await test();
        }
        finally
        {
            Environment.SetEnvironmentVariable(KestrelEndpoint, null);
        }
    }

    private sealed class Nothing : IProviderStateHandler
    {
        public Task<ProviderStateResult> ChangeAsync(ProviderStateChange change, CancellationToken cancellationToken) =>
            Task.FromResult(new ProviderStateResult(new JsonObject(), null));
    }
}
