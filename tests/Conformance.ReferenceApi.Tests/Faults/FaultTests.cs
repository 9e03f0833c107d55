using System.Net;
using Conformance.ReferenceApi.Tests.Support;

namespace Conformance.ReferenceApi.Tests.Faults;

/// <summary>Each fault switch flips exactly the thing docs/faults.md says it does.</summary>
public sealed class FaultTests
{
    private const string Extension = "restapi/v1.0/account/~/extension/101";
    private const string Sms = "restapi/v1.0/account/~/extension/~/sms";
    private const string FoneSend = "api/v2/Properties/PR3F2504E04F8911D39A0C0305E82C3301/Messages";

    [Test]
    public async Task WrongStatus_UnknownId_Answers400InsteadOf404()
    {
        using var response = await SendAsync(ReferenceApi.Faults.WrongStatus, "ringcentral", "GET", "restapi/v1.0/account/~/extension/999999");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task UndocumentedStatus_Forbidden_Answers418()
    {
        using var response = await SendAsync(ReferenceApi.Faults.UndocumentedStatus, "fonedynamics", "GET", "api/v2/Properties/PRFFFF0000000000000000000000000000");
        Assert.That((int)response.StatusCode, Is.EqualTo(418));
    }

    [Test]
    public async Task MissingRequiredField_ErrorBody_LosesErrorCode()
    {
        using var response = await SendAsync(ReferenceApi.Faults.MissingRequiredField, "fonedynamics", "POST", FoneSend, """{"From":"+61400000001"}""");
        var status = (await ApiClient.JsonAsync(response))["ResponseStatus"]!.AsObject();
        Assert.That(status.ContainsKey("ErrorCode"), Is.False);
    }

    [Test]
    public async Task MissingRequiredField_NotesCreated_LosesId()
    {
        using var response = await SendAsync(ReferenceApi.Faults.MissingRequiredField, "notes", "POST", "v1/notes", """{"customer_id":1001,"body":"x"}""");
        Assert.That((await ApiClient.JsonAsync(response)).AsObject().ContainsKey("id"), Is.False);
    }

    [Test]
    public async Task WrongFieldType_ErrorBody_MessageBecomesNumber()
    {
        using var response = await SendAsync(ReferenceApi.Faults.WrongFieldType, "ringcentral", "GET", "restapi/v1.0/account/~/extension/999999");
        Assert.That((await ApiClient.JsonAsync(response))["errors"]![0]!["message"]!.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.Number));
    }

    [Test]
    public async Task MissingRequiredField_RingCentralErrorEntry_LosesErrorCode()
    {
        using var response = await SendAsync(ReferenceApi.Faults.MissingRequiredField, "ringcentral", "GET", "restapi/v1.0/account/~/extension/999999");
        var body = await ApiClient.JsonAsync(response);
        Assert.That(body["errors"]![0]!.AsObject().ContainsKey("errorCode"), Is.False);
        Assert.That((string?)body["errorCode"], Is.EqualTo("CMN-102"));
    }

    [Test]
    public async Task ErrorCodeOutsideEnum_RingCentralErrorEntry_CarriesCodeOfAnotherForm()
    {
        using var response = await SendAsync(ReferenceApi.Faults.ErrorCodeOutsideEnum, "ringcentral", "GET", "restapi/v1.0/account/~/extension/999999");
        Assert.That((string?)(await ApiClient.JsonAsync(response))["errors"]![0]!["errorCode"], Is.EqualTo("NOT_FOUND"));
    }

    [Test]
    public async Task ErrorCodeOutsideEnum_ErrorBody_CarriesUnlistedCode()
    {
        using var response = await SendAsync(ReferenceApi.Faults.ErrorCodeOutsideEnum, "fonedynamics", "GET", "api/v2/Messages/MS00000000000000000000000000000000");
        Assert.That((string?)(await ApiClient.JsonAsync(response))["ResponseStatus"]!["ErrorCode"], Is.EqualTo("NOT_FOUND"));
    }

    [Test]
    public async Task HtmlErrorPage_ErrorResponse_IsTextHtml()
    {
        using var response = await SendAsync(ReferenceApi.Faults.HtmlErrorPage, "callrail", "GET", "v3/a/ACC8154748ae6bd4e278a7cddd38a662f4f/calls/CAL0.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
    }

    [Test]
    public async Task WrongContentType_JsonBody_LabelledTextPlain()
    {
        using var response = await SendAsync(ReferenceApi.Faults.WrongContentType, "ranges", "GET", "v1/projects/prj_1001");
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/plain"));
        Assert.That(await ApiClient.JsonAsync(response), Is.Not.Null);
    }

    [TestCase("missing_retry_after", null)]
    [TestCase("invalid_retry_after", "soon")]
    public async Task RetryAfterFaults_RateLimited_BreakRetryAfter(string fault, string? expected)
    {
        await using var server = await ReferenceServer.StartAsync(Options(fault), new FrozenTime(), CancellationToken.None);
        using var client = new ApiClient(server, "ringcentral");
        HttpResponseMessage response = null!;
        for (var i = 0; i < 6; i++)
        {
            response = await client.GetAsync("restapi/v1.0/account/~/extension/101/presence");
        }

        Assert.That((int)response.StatusCode, Is.EqualTo(429));
        Assert.That(ApiClient.Header(response, "Retry-After"), Is.EqualTo(expected));
    }

    [Test]
    public async Task MissingAllow_WrongMethod_Answers405WithoutAllow()
    {
        using var response = await SendAsync(ReferenceApi.Faults.MissingAllow, "ringcentral", "DELETE", Extension);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(response.Content.Headers.Allow, Is.Empty);
    }

    [Test]
    public async Task AllowListsRejectedMethod_WrongMethod_AllowIncludesIt()
    {
        using var response = await SendAsync(ReferenceApi.Faults.AllowListsRejectedMethod, "ringcentral", "DELETE", Extension);
        Assert.That(response.Content.Headers.Allow, Does.Contain("DELETE"));
    }

    [Test]
    public async Task MissingWwwAuthenticate_NoToken_Answers401WithoutChallenge()
    {
        using var response = await SendAsync(ReferenceApi.Faults.MissingWwwAuthenticate, "ringcentral", "GET", Extension, auth: false);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate, Is.Empty);
    }

    [TestCase("POST", "restapi/v1.0/account/~/extension/~/address-book/contact", "{}", 201)]
    [TestCase("GET", "restapi/v1/account/~/extension/101", null, 301)]
    public async Task MissingLocation_CreatedOrRedirect_HasNoLocation(string method, string path, string? body, int status)
    {
        using var response = await SendAsync(ReferenceApi.Faults.MissingLocation, "ringcentral", method, path, body);
        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(response.Headers.Location, Is.Null);
    }

    [Test]
    public async Task BodyOn204Or304_Delete_AnnouncesJsonBody()
    {
        using var response = await SendAsync(ReferenceApi.Faults.BodyOn204Or304, "ringcentral", "DELETE", "restapi/v1.0/account/~/extension/~/address-book/contact/302");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
    }

    [Test]
    public async Task Unconditional304_PlainGet_Answers304()
    {
        using var response = await SendAsync(ReferenceApi.Faults.Unconditional304, "ringcentral", "GET", Extension);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task ServerErrorFor4xx_MissingField_Answers500()
    {
        using var response = await SendAsync(ReferenceApi.Faults.ServerErrorFor4xx, "ringcentral", "POST", Sms, """{"from":{"phoneNumber":"+16505550100"},"text":"x"}""");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
    }

    [Test]
    public async Task BadBatch207_Batch_FirstPartIsNotTheStatusArray()
    {
        using var response = await SendAsync(ReferenceApi.Faults.BadBatch207, "ringcentral", "GET", "restapi/v1.0/account/~/extension/101,102");
        var parts = await Multipart.ReadAsync(response);
        Assert.That((int)response.StatusCode, Is.EqualTo(207));
        Assert.That(System.Text.Json.Nodes.JsonNode.Parse(parts[0]), Is.Not.InstanceOf<System.Text.Json.Nodes.JsonArray>());
    }

    [Test]
    public async Task SlowResponse_Get_DoesNotAnswerWithinTheClientTimeout()
    {
        var options = new ReferenceOptions { Faults = new HashSet<string> { ReferenceApi.Faults.SlowResponse }, SlowDelay = TimeSpan.FromMinutes(10) };
        await using var server = await ReferenceServer.StartAsync(options);
        using var client = new ApiClient(server, "ringcentral");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        Assert.That(
            async () => await client.SendAsync(HttpMethod.Get, Extension, ct: timeout.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task UnknownEndpoint200_PathNoOperationServes_Answers200EmptyObject()
    {
        using var response = await SendAsync(ReferenceApi.Faults.UnknownEndpoint200, "callrail", "GET", "v3/a/ACC8154748ae6bd4e278a7cddd38a662f4f/no_such_endpoint.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{}"));
    }

    [Test]
    public async Task EmptyJsonBody_Delete_AnswersJsonContentTypeWithNoBody()
    {
        using var response = await SendAsync(ReferenceApi.Faults.EmptyJsonBody, "fonedynamics", "DELETE", "api/v2/Accounts/AC00000000000000000000000000000001/Addresses/AD00000000000000000000000000000301");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
    }

    private static ReferenceOptions Options(string fault) => new() { Faults = new HashSet<string> { fault } };

    private static async Task<HttpResponseMessage> SendAsync(string fault, string api, string method, string path, string? body = null, bool auth = true)
    {
        await using var server = await ReferenceServer.StartAsync(Options(fault));
        using var client = new ApiClient(server, api);
        var response = await client.SendAsync(new HttpMethod(method), path, body, auth: auth);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
