namespace Conformance.ReferenceApi.Tests;

public sealed class ReferenceServerTests
{
    [Test]
    public async Task BaseUriFor_Api_IsPrefixUnderLoopback()
    {
        await using var server = await ReferenceServer.StartAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(server.BaseUri.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(server.BaseUri.AbsolutePath, Is.EqualTo("/"));
            Assert.That(server.BaseUriFor("ringcentral")!.ToString(), Is.EqualTo(server.BaseUri + "ringcentral"));
        }
    }

    [Test]
    public async Task StartAsync_UnknownFaults_ThrowsListingEachAndTheKnownOnes()
    {
        var options = new ReferenceOptions { Faults = new HashSet<string> { "wrong_stauts", "nope" } };
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ReferenceServer.StartAsync(options));
        Assert.That(error!.Message, Does.Contain("Unknown fault 'nope'.").And.Contain("Unknown fault 'wrong_stauts'.").And.Contain(ReferenceApi.Faults.WrongStatus));
    }

    [Test]
    public void FaultsAll_Ids_AreUniqueSnakeCase()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReferenceApi.Faults.All, Is.Unique.And.All.Match("^[a-z0-9_]+$"));
            Assert.That(ReferenceApi.Faults.All, Has.Count.EqualTo(20));
        }
    }
}
