using Conformance.Contracts;

namespace Conformance.Pact.Tests;

/// <summary>
/// The verifier's loopback forwarder (which carries the target's token) listens on 127.0.0.1 alone, whatever the
/// process's ASP.NET configuration says: Kestrel binds a Kestrel:Endpoints section (Kestrel__Endpoints__* variables) in
/// place of the address it was given.
/// </summary>
[NonParallelizable] // sets a process environment variable
public sealed class CredentialProxyLoopbackTests
{
    private const string KestrelEndpoint = "Kestrel__Endpoints__Everywhere__Url";

    [Test]
    public async Task StartAsync_KestrelEndpointInEnvironment_ListensOnLoopbackOnly()
    {
        Environment.SetEnvironmentVariable(KestrelEndpoint, "http://0.0.0.0:0");
        try
        {
            var bearer = new AuthScheme("Authorization", null, "Bearer {token}", null, "sample-token");
            await using var proxy = await CredentialProxy.StartAsync(new Uri("http://127.0.0.1:9/api"), bearer, "target-own-7f3a", TimeSpan.FromSeconds(10));

            Assert.That(proxy.BaseUri.Host, Is.EqualTo("127.0.0.1"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(KestrelEndpoint, null);
        }
    }
}
