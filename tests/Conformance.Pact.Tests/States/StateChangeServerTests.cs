using System.Text.Json.Nodes;
using Conformance.Pact.States;

namespace Conformance.Pact.Tests.States;

/// <summary>
/// The state-change endpoint answers the verifier on 127.0.0.1 alone, whatever the process's configuration says: the
/// ASP.NET configuration sources (Kestrel__Endpoints__* variables, an appsettings.json in the current directory) name
/// endpoints of their own, which Kestrel binds in place of the loopback one.
/// </summary>
[NonParallelizable] // sets a process environment variable
public sealed class StateChangeServerTests
{
    private const string KestrelEndpoint = "Kestrel__Endpoints__Everywhere__Url";

    [Test]
    public async Task StartAsync_KestrelEndpointInEnvironment_ListensOnLoopbackOnly()
    {
        Environment.SetEnvironmentVariable(KestrelEndpoint, "http://0.0.0.0:0");
        try
        {
            await using var server = await StateChangeServer.StartAsync(new Nothing());

            Assert.That(server.Uri.Host, Is.EqualTo("127.0.0.1"));
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
