using System.Net;
using Conformance.ReferenceApi.Tests.Support;

namespace Conformance.ReferenceApi.Tests.Apis;

public sealed class OtherApisTests
{
    private const string Messages = "api/v2/Properties/PR3F2504E04F8911D39A0C0305E82C3301/Messages";
    private const string Companies = "v3/a/ACC8154748ae6bd4e278a7cddd38a662f4f/companies.json";
    private ReferenceServer server = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => server = await ReferenceServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await server.DisposeAsync();

    [Test]
    public async Task FoneDynamicsSend_MissingTo_Answers400ParameterRequiredWithFieldName()
    {
        using var client = new ApiClient(server, "fonedynamics");
        using var response = await client.SendAsync(HttpMethod.Post, Messages, """{"From":"+61400000001","Text":"Hi"}""");
        var status = (await ApiClient.JsonAsync(response))["ResponseStatus"]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)status["ErrorCode"], Is.EqualTo("PARAMETER_REQUIRED"));
            Assert.That((string?)status["Errors"]![0]!["FieldName"], Is.EqualTo("To"));
        }
    }

    [TestCase("DELETE", "api/v2/Properties/PR3F2504E04F8911D39A0C0305E82C3301/Numbers", "INVALID_HTTP_METHOD")]
    [TestCase("GET", "api/v2/Messages/MS00000000000000000000000000000000", "MESSAGE_NOT_FOUND")]
    [TestCase("GET", "api/v2/Properties/PR0000000000000000000000000000DEAD/Numbers", "PROPERTY_NOT_FOUND")]
    public async Task FoneDynamics_UndocumentedStatusCase_Answers400WithListedCode(string method, string path, string code)
    {
        using var client = new ApiClient(server, "fonedynamics");
        using var response = await client.SendAsync(new HttpMethod(method), path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)(await ApiClient.JsonAsync(response))["ResponseStatus"]!["ErrorCode"], Is.EqualTo(code));
    }

    [Test]
    public async Task FoneDynamics_AcceptXml_StillAnswersJson()
    {
        using var client = new ApiClient(server, "fonedynamics");
        using var response = await client.GetAsync("api/v2/Calls/CA0305E82C33013F2504E04F8911D39A0C", r =>
        {
            r.Headers.Accept.Clear();
            r.Headers.Accept.ParseAdd("application/xml");
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
    }

    [Test]
    public async Task CallRailListCalls_ParamsInBody_Answers406()
    {
        using var client = new ApiClient(server, "callrail");
        using var response = await client.SendAsync(HttpMethod.Get, "v3/a/ACC8154748ae6bd4e278a7cddd38a662f4f/calls.json", """{"per_page":25}""");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotAcceptable));
    }

    [TestCase("""{"name":"Widgets"}""", "application/x-www-form-urlencoded", 406)]
    [TestCase("""{"time_zone":"America/New_York"}""", "application/json", 400)]
    [TestCase("""{"name":"Widgets","time_zone":"Mars/Olympus_Mons"}""", "application/json", 422)]
    public async Task CallRailCreateCompany_BadRequest_AnswersDocumentedStatus(string json, string type, int status)
    {
        using var client = new ApiClient(server, "callrail");
        using var response = await client.SendAsync(HttpMethod.Post, Companies, json, type);
        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(await ApiClient.JsonAsync(response), Is.Not.Null);
    }

    [Test]
    public async Task CallRailCreateCompany_Valid_Answers201WithLocation()
    {
        using var client = new ApiClient(server, "callrail");
        using var response = await client.SendAsync(HttpMethod.Post, Companies, """{"name":"Widgets"}""");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.Location!.ToString(), Does.Match("/companies/COM[0-9a-f]{32}\\.json$"));
    }

    [Test]
    public async Task NotesCreateNote_PageExample_Answers201WithOkAndId()
    {
        await using var fresh = await ReferenceServer.StartAsync();
        using var client = new ApiClient(fresh, "notes");
        using var response = await client.SendAsync(HttpMethod.Post, "v1/notes", """{"customer_id":1001,"body":"This is a test note."}""");
        var body = await ApiClient.JsonAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((bool?)body["ok"], Is.True);
            Assert.That((int?)body["id"], Is.EqualTo(11027));
        }
    }

    [TestCase("POST", "v1/reports/1234/result", 405)]
    [TestCase("POST", "v1/payments", 501)]
    [TestCase("DELETE", "v1/customers/1001", 403)]
    public async Task Notes_PageExamples_AnswerDocumentedStatus(string method, string path, int status)
    {
        using var client = new ApiClient(server, "notes");
        using var response = await client.SendAsync(new HttpMethod(method), path);
        Assert.That((int)response.StatusCode, Is.EqualTo(status));
    }

    [TestCase("""{"owner_id":"usr_1001"}""", 400, "name")]
    [TestCase("""{"name":"X","owner_id":"usr_1001","visibility":"everyone"}""", 422, "visibility")]
    public async Task RangesCreateProject_BadField_AnswersStatusNamingField(string json, int status, string field)
    {
        using var client = new ApiClient(server, "ranges");
        using var response = await client.SendAsync(HttpMethod.Post, "v1/projects", json);
        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That((string?)(await ApiClient.JsonAsync(response))["error"]!["field"], Is.EqualTo(field));
    }

    [Test]
    public async Task RangesListProjects_NoApiKey_Answers401WithChallenge()
    {
        using var client = new ApiClient(server, "ranges");
        using var response = await client.SendAsync(HttpMethod.Get, "v1/projects", auth: false);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("ApiKey"));
    }
}
