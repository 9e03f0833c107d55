namespace Conformance.ReferenceApi.Tests;

/// <summary>
/// The embedded reference API listens on 127.0.0.1 alone, whatever the process's ASP.NET configuration says: a
/// Kestrel:Endpoints section (Kestrel__Endpoints__* variables, as a CI image may set for its own services) is bound by
/// Kestrel in place of the loopback address it was given.
/// </summary>
[NonParallelizable] // sets a process environment variable
public sealed class ReferenceServerLoopbackTests
{
    private const string KestrelEndpoint = "Kestrel__Endpoints__Everywhere__Url";

    [Test]
    public async Task StartAsync_KestrelEndpointInEnvironment_ListensOnLoopbackOnly()
    {
        Environment.SetEnvironmentVariable(KestrelEndpoint, "http://0.0.0.0:0");
        try
        {
            await using var server = await ReferenceServer.StartAsync();

            Assert.That(server.BaseUri.Host, Is.EqualTo("127.0.0.1"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(KestrelEndpoint, null);
        }
    }
}
