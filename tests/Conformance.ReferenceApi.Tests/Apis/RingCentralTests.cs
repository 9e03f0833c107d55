using System.Net;
using Conformance.ReferenceApi.Tests.Support;

namespace Conformance.ReferenceApi.Tests.Apis;

public sealed class RingCentralTests
{
    private const string Extension = "restapi/v1.0/account/~/extension/101";
    private const string Sms = "restapi/v1.0/account/~/extension/~/sms";
    private const string SmsBody = """{"from":{"phoneNumber":"+16505550100"},"to":[{"phoneNumber":"+16505550101"}],"text":"Hi"}""";
    private ReferenceServer server = null!;
    private ApiClient client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        server = await ReferenceServer.StartAsync();
        client = new ApiClient(server, "ringcentral");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    [Test]
    public async Task GetExtension_Valid_Answers200WithETagAndLastModified()
    {
        using var response = await client.GetAsync(Extension);
        var body = await ApiClient.JsonAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(response.Content.Headers.LastModified, Is.Not.Null);
            Assert.That((int?)body["id"], Is.EqualTo(101));
        }
    }

    [TestCase("If-None-Match")]
    [TestCase("If-Modified-Since")]
    public async Task GetExtension_ConditionalHeaderMatches_Answers304WithoutBody(string header)
    {
        using var first = await client.GetAsync(Extension);
        var value = header == "If-None-Match" ? first.Headers.ETag!.ToString() : ApiClient.Header(first, "Last-Modified")!;
        using var second = await client.GetAsync(Extension, r => r.Headers.TryAddWithoutValidation(header, value));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(await second.Content.ReadAsStringAsync(), Is.Empty);
            Assert.That(second.Content.Headers.ContentType, Is.Null);
        }
    }

    [Test]
    public async Task GetExtension_NoToken_Answers401WithChallengeAndErrorCode()
    {
        using var response = await client.SendAsync(HttpMethod.Get, Extension, auth: false);
        var body = await ApiClient.JsonAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
            Assert.That((string?)body["errorCode"], Is.EqualTo("AGW-401"));
        }
    }

    [Test]
    public async Task GetExtension_WrongToken_Answers401WithChallenge()
    {
        using var response = await client.SendAsync(HttpMethod.Get, Extension, auth: false,
            configure: r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer invalid-token"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate, Is.Not.Empty);
    }

    [Test]
    public async Task GetExtension_UnknownId_Answers404NamingTheParameter()
    {
        using var response = await client.GetAsync("restapi/v1.0/account/~/extension/999999");
        var body = await ApiClient.JsonAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string?)body["errorCode"], Is.EqualTo("CMN-102"));
            Assert.That((string?)body["errors"]![0]!["parameterName"], Is.EqualTo("extensionId"));
        }
    }

    [Test]
    public async Task GetExtension_WrongMethod_Answers405AllowingOnlyGetAndPut()
    {
        using var response = await client.SendAsync(HttpMethod.Delete, Extension);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(response.Content.Headers.Allow, Is.EqualTo(new[] { "GET", "PUT" }));
    }

    [Test]
    public async Task GetExtension_AcceptXml_Answers406()
    {
        using var response = await client.GetAsync(Extension, r =>
        {
            r.Headers.Accept.Clear();
            r.Headers.Accept.ParseAdd("application/xml");
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotAcceptable));
    }

    [TestCase("""{"from":{"phoneNumber":"+16505550100"},"text":"Hi"}""", "CMN-100", "to")]
    [TestCase("""{"from":{"phoneNumber":"nope"},"to":[{"phoneNumber":"+16505550101"}],"text":"Hi"}""", "CMN-101", "from.phoneNumber")]
    [TestCase("""{"from":{"phoneNumber":"+16505550100"},"to":[{"phoneNumber":"+16505550101"}]}""", "CMN-100", "text")]
    public async Task SendSms_InvalidBody_Answers400NamingTheField(string json, string code, string field)
    {
        using var response = await client.SendAsync(HttpMethod.Post, Sms, json);
        var body = await ApiClient.JsonAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body["errorCode"], Is.EqualTo(code));
            Assert.That((string?)body["errors"]![0]!["parameterName"], Is.EqualTo(field));
        }
    }

    [Test]
    public async Task SendSms_MalformedJson_Answers400()
    {
        using var response = await client.SendAsync(HttpMethod.Post, Sms, """{"broken": """);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    public async Task SendSms_NotJson_Answers415(string contentType)
    {
        using var response = await client.SendAsync(HttpMethod.Post, Sms, "text=Hi", contentType);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [Test]
    public async Task SendSms_Valid_Answers200WithQueuedMessage()
    {
        using var response = await client.SendAsync(HttpMethod.Post, Sms, SmsBody);
        var body = await ApiClient.JsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)body["messageStatus"], Is.EqualTo("Queued"));
    }
}
