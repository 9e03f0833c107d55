using System.Net;
using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Tests.Support;

namespace Conformance.ReferenceApi.Tests.Apis;

public sealed class RingCentralResourceTests
{
    private const string Book = "restapi/v1.0/account/~/extension/~/address-book/contact";

    [Test]
    public async Task CreateContact_Valid_Answers201WithLocationThatReads()
    {
        await using var server = await ReferenceServer.StartAsync();
        using var client = new ApiClient(server, "ringcentral");
        using var created = await client.SendAsync(HttpMethod.Post, Book, """{"firstName":"Ada","email":"ada@example.com"}""");
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var location = created.Headers.Location!.ToString();
        using var read = await client.GetAsync(location[location.IndexOf("restapi", StringComparison.Ordinal)..]);
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task DeleteContact_Twice_Answers204ThenNotFound()
    {
        await using var server = await ReferenceServer.StartAsync();
        using var client = new ApiClient(server, "ringcentral");
        using var first = await client.SendAsync(HttpMethod.Delete, Book + "/301");
        using var second = await client.SendAsync(HttpMethod.Delete, Book + "/301");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await first.Content.ReadAsStringAsync(), Is.Empty);
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task GetBatch_OneUnknownId_Answers207WithStatusArrayFirst()
    {
        await using var server = await ReferenceServer.StartAsync();
        using var client = new ApiClient(server, "ringcentral");
        using var response = await client.GetAsync("restapi/v1.0/account/~/extension/101,999999");
        var parts = await Multipart.ReadAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(207));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("multipart/mixed"));
            Assert.That(parts, Has.Count.EqualTo(3));
            Assert.That(JsonNode.Parse(parts[0])!.ToJsonString(), Is.EqualTo("""[{"status":200},{"status":404}]"""));
            Assert.That((string?)JsonNode.Parse(parts[2])!["errorCode"], Is.EqualTo("CMN-102"));
        }
    }

    [TestCase("GET", "restapi/v1/account/~/extension/101", 301, "/restapi/v1.0/account/~/extension/101")]
    [TestCase("GET", "restapi/v1.0/account/~/extension/~", 302, "/restapi/v1.0/account/~/extension/101")]
    [TestCase("POST", "restapi/v1/account/~/extension/~/sms", 307, "/restapi/v1.0/account/~/extension/~/sms")]
    [TestCase("PUT", "restapi/v1/account/~/extension/102", 308, "/restapi/v1.0/account/~/extension/102")]
    public async Task LegacyPath_AnyMethod_RedirectsWithLocation(string method, string path, int status, string target)
    {
        await using var server = await ReferenceServer.StartAsync();
        using var client = new ApiClient(server, "ringcentral");
        using var response = await client.SendAsync(new HttpMethod(method), path, method == "GET" ? null : "{}");
        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(response.Headers.Location!.ToString(), Does.EndWith("/ringcentral" + target));
    }

    [Test]
    public async Task GetCallLog_SampleToken_Answers403()
    {
        await using var server = await ReferenceServer.StartAsync();
        using var client = new ApiClient(server, "ringcentral");
        using var response = await client.GetAsync("restapi/v1.0/account/~/call-log");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((string?)(await ApiClient.JsonAsync(response))["errorCode"], Is.EqualTo("CMN-408"));
    }

    [Test]
    public async Task GetPresence_SixthRequestInOneWindow_Answers429WithRateLimitHeaders()
    {
        await using var server = await ReferenceServer.StartAsync(new ReferenceOptions(), new FrozenTime(), CancellationToken.None);
        using var client = new ApiClient(server, "ringcentral");
        var statuses = new List<int>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await client.GetAsync("restapi/v1.0/account/~/extension/101/presence");
            statuses.Add((int)response.StatusCode);
            limited = response;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses, Is.EqualTo(new[] { 200, 200, 200, 200, 200, 429 }));
            Assert.That(ApiClient.Header(limited!, "Retry-After"), Is.EqualTo("1"));
            Assert.That(ApiClient.Header(limited!, "X-Rate-Limit-Limit"), Is.EqualTo("5"));
            Assert.That(ApiClient.Header(limited!, "X-Rate-Limit-Remaining"), Is.EqualTo("0"));
            Assert.That(ApiClient.Header(limited!, "X-Rate-Limit-Window"), Is.EqualTo("1"));
        }
    }
}
