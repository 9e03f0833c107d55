using Conformance.Checks;
using static Conformance.Framework.Tests.Checks.CheckFixture;

namespace Conformance.Framework.Tests.Checks;

public sealed class HeaderRuleChecksTests
{
    [Test]
    public void AllowOn405_Missing_Fails() =>
        Assert.That(Run(Check("allow_on_405"), Context(Row([405]), 405, method: "DELETE")).Message,
            Is.EqualTo("405 without Allow header / Expected: an Allow header listing the supported methods (RFC 9110 15.5.6) / Received: no Allow header for DELETE /things/1"));

    [Test]
    public void AllowOn405_ListsRejectedMethod_Fails() =>
        Assert.That(Run(Check("allow_on_405"), Context(Row([405]), 405, method: "DELETE", headers: [("Allow", "GET, DELETE")])).Message,
            Is.EqualTo("405 whose Allow lists the rejected method / Allow: GET, DELETE / Rejected: DELETE"));

    [Test]
    public void AllowOn405_Proper_Passes() =>
        Assert.That(Run(Check("allow_on_405"), Context(Row([405]), 405, method: "DELETE", headers: [("Allow", "GET, HEAD")])).Outcome, Is.EqualTo(Outcome.Passed));

    [Test]
    public void AllowOn405_Not405_NotApplicable() =>
        Assert.That(Run(Check("allow_on_405"), Context(Row([200]), 200)).Outcome, Is.EqualTo(Outcome.NotApplicable));

    [Test]
    public void WwwAuthenticate_Missing_Fails() =>
        Assert.That(Run(Check("www_authenticate_on_401"), Context(Row([401]), 401)).Outcome, Is.EqualTo(Outcome.Failed));

    [Test]
    public void WwwAuthenticate_WrongScheme_Fails() =>
        Assert.That(Run(Check("www_authenticate_on_401"), Context(Row([401]), 401, headers: [("WWW-Authenticate", "Basic realm=x")])).Message,
            Is.EqualTo("401 with the wrong challenge / Expected: WWW-Authenticate: Bearer ... / Received: WWW-Authenticate: Basic realm=x"));

    [Test]
    public void WwwAuthenticate_SeveralChallengesOneOfThemBearer_Passes() =>
        Assert.That(Run(Check("www_authenticate_on_401"), Context(Row([401]), 401, headers: [("WWW-Authenticate", "Basic realm=\"x\", charset=\"UTF-8\""), ("WWW-Authenticate", "Bearer realm=\"api\"")])).Outcome, Is.EqualTo(Outcome.Passed));

    [Test]
    public void WwwAuthenticate_SchemeOnlyStartingLikeBearer_Fails() =>
        Assert.That(Run(Check("www_authenticate_on_401"), Context(Row([401]), 401, headers: [("WWW-Authenticate", "BearerX realm=x")])).Outcome, Is.EqualTo(Outcome.Failed));

    [Test]
    public void WwwAuthenticate_Bearer_Passes() =>
        Assert.That(Run(Check("www_authenticate_on_401"), Context(Row([401]), 401, headers: [("WWW-Authenticate", "Bearer realm=\"api\"")])).Outcome, Is.EqualTo(Outcome.Passed));

    [TestCase(null, Outcome.Failed)]
    [TestCase("soon", Outcome.Failed)]
    [TestCase("-1", Outcome.Failed)]
    [TestCase("120", Outcome.Passed)]
    [TestCase("Wed, 21 Oct 2026 07:28:00 GMT", Outcome.Passed)]
    public void RetryAfter_Value_Outcome(string? value, Outcome expected)
    {
        (string, string)[] headers = value is null ? [] : [("Retry-After", value)];
        Assert.That(Run(Check("retry_after_on_429_503"), Context(Row([429]), 429, headers: headers)).Outcome, Is.EqualTo(expected));
    }

    [Test]
    public void RetryAfter_Missing_MessagePinned() =>
        Assert.That(Run(Check("retry_after_on_429_503"), Context(Row([503]), 503)).Message,
            Is.EqualTo("503 without Retry-After / Expected: Retry-After in delta-seconds or HTTP-date (RFC 9110 10.2.3) / Received: no Retry-After header"));

    [Test]
    public void RateLimitHeaders_OneMissingOn429_FailsNamingIt() =>
        Assert.That(Run(Check("rate_limit_headers_on_429"), Limited(Context(Row([429]), 429, headers: [("X-Rate-Limit-Limit", "5"), ("Retry-After", "1")]))).Message,
            Is.EqualTo("429 without X-Rate-Limit-Remaining / Expected: the rate-limit headers api.yaml lists (X-Rate-Limit-Limit, X-Rate-Limit-Remaining) / Received: 1 of 2"));

    [Test]
    public void RateLimitHeaders_AllPresentOn429_Passes() =>
        Assert.That(Run(Check("rate_limit_headers_on_429"), Limited(Context(Row([429]), 429, headers: [("x-rate-limit-limit", "5"), ("X-Rate-Limit-Remaining", "0")]))).Outcome, Is.EqualTo(Outcome.Passed));

    [TestCase(200, true)]
    [TestCase(429, false)]
    public void RateLimitHeaders_Not429OrNoneListed_NotApplicable(int status, bool listed) =>
        Assert.That(Run(Check("rate_limit_headers_on_429"), listed ? Limited(Context(Row([status]), status)) : Context(Row([status]), status)).Outcome, Is.EqualTo(Outcome.NotApplicable));

    private static CheckContext Limited(CheckContext context) => context with { Pack = context.Pack with { RateLimitHeaders = ["X-Rate-Limit-Limit", "X-Rate-Limit-Remaining"] } };

    [Test]
    public void Location_MissingOn201_Warning()
    {
        var result = Run(Check("location_on_201_3xx"), Context(Row([201]), 201));
        Assert.That((result.Outcome, result.Message), Is.EqualTo((Outcome.Warning,
            "201 (Created) without Location / Expected: a Location header with the new resource's URI / Received: no Location header (for a 201 the created resource is then the request's target, RFC 9110 15.3.2)")));
    }

    [Test]
    public void Location_MissingOnRedirect_Fails() =>
        Assert.That(Run(Check("location_on_201_3xx"), Context(Row([302]), 302)).Outcome, Is.EqualTo(Outcome.Failed));

    [TestCase("not a uri at all")]
    [TestCase("/things/1\t")]
    public void Location_NotAUriReference_Fails(string location) =>
        Assert.That(Run(Check("location_on_201_3xx"), Context(Row([201]), 201, headers: [("Location", location)])).Outcome, Is.EqualTo(Outcome.Failed));

    [Test]
    public void AllowOn405_LeavesOutTheOperationsOwnMethod_Fails() =>
        Assert.That(Run(Check("allow_on_405"), WithGetThing(Context(Row([405]), 405, method: "DELETE", headers: [("Allow", "PUT")]))).Message,
            Is.EqualTo("405 whose Allow leaves out the method the resource serves / Allow: PUT / Missing: GET (operation get_thing)"));

    [Test]
    public void NotModified_ToAPut_Fails() =>
        Assert.That(Run(Check("not_modified_only_when_conditional"), Conditional(Context(Row([304]), 304, method: "PUT"), "\"v1\"")).Message,
            Does.StartWith("304 to a PUT / Expected: 304 only for GET or HEAD"));

    [TestCase("W/\"v1\"", Outcome.Passed)]
    [TestCase("\"v2\"", Outcome.Failed)]
    public void NotModified_EtagAgainstTheTagsSent_WeakComparison(string etag, Outcome expected) =>
        Assert.That(Run(Check("not_modified_only_when_conditional"), Conditional(Context(Row([304]), 304, headers: [("ETag", etag)]), "\"v0\", \"v1\"")).Outcome, Is.EqualTo(expected));

    [TestCase("Sun, 06 Nov 1994 08:49:37 GMT", true)]
    [TestCase("Sunday, 06-Nov-94 08:49:37 GMT", true)]
    [TestCase("Sun Nov  6 08:49:37 1994", true)]
    [TestCase("99999999999999999999", true)]
    [TestCase("Sun, 06 Nov 1994 08:49:37 UTC", false)]
    [TestCase("Mon, 06 Nov 1994 08:49:37 GMT", false)]
    public void IsRetryAfter_Rfc9110Forms(string value, bool valid) =>
        Assert.That(HeaderFormats.IsRetryAfter(value), Is.EqualTo(valid));

    private static CheckContext WithGetThing(CheckContext context) => context with
    {
        Pack = context.Pack with
        {
            Operations = new Dictionary<string, Conformance.Contracts.Operation>
            {
                ["get_thing"] = new("get_thing", "GET", "/things/{id}", new Dictionary<string, string> { ["id"] = "1" }, [], new Dictionary<string, string>(), null, null, false, new Conformance.Diagnostics.SourceLocation("api.yaml", 1, 1)),
            },
        },
    };

    private static CheckContext Conditional(CheckContext context, string tags) => context with { Request = context.Request.WithHeader("If-None-Match", tags) };

    [Test]
    public void Location_PresentOnRedirect_Passes() =>
        Assert.That(Run(Check("location_on_201_3xx"), Context(Row([301]), 301, headers: [("Location", "/v2/things/1")])).Outcome, Is.EqualTo(Outcome.Passed));

    [Test]
    public void NoBody_BodyOn204_Fails() =>
        Assert.That(Run(Check("no_body_on_204_304"), Context(Row([204]), 204, body: "{}")).Message,
            Is.EqualTo("204 with a body / Expected: no body (RFC 9110 15.3.5, 15.4.5) / Received: 2 bytes"));

    [Test]
    public void NoBody_Empty304_Passes() =>
        Assert.That(Run(Check("no_body_on_204_304"), Context(Row([304]), 304)).Outcome, Is.EqualTo(Outcome.Passed));
}

public sealed class BodylessAndBatchChecksTests
{
    [Test]
    public void NoBody_ContentTypeOn304_Warning()
    {
        var result = Run(Check("no_body_on_204_304"), Context(Row([304]), 304, contentType: "application/json"));
        Assert.That((result.Outcome, result.Message), Is.EqualTo((Outcome.Warning,
            "304 with Content-Type / Expected: no representation metadata beyond Content-Location, Date, ETag, Vary, Cache-Control, Expires (RFC 9110 15.4.5: SHOULD NOT) / Received: Content-Type: application/json")));
    }

    [TestCase("Transfer-Encoding", "chunked")]
    [TestCase("Content-Length", "120")]
    public void NoBody_MetadataAllowedOn304_Passes(string name, string value) =>
        Assert.That(Run(Check("no_body_on_204_304"), Context(Row([304]), 304, headers: [(name, value)])).Outcome, Is.EqualTo(Outcome.Passed));

    [Test]
    public void NoBody_ContentTypeOn204_Fails() =>
        Assert.That(Run(Check("no_body_on_204_304"), Context(Row([204]), 204, contentType: "application/json")).Message,
            Is.EqualTo("204 with a body / Expected: no body (RFC 9110 15.3.5, 15.4.5) / Received: Content-Type: application/json announcing a body"));

    [Test]
    public void NoBody_ContentLengthOn204_Fails() =>
        Assert.That(Run(Check("no_body_on_204_304"), Context(Row([204]), 204, headers: [("Content-Length", "12")])).Outcome, Is.EqualTo(Outcome.Failed));

    [Test]
    public void Conditional304_PlainGet_Fails() =>
        Assert.That(Run(Check("not_modified_only_when_conditional"), Context(Row([200]), 304)).Message,
            Is.EqualTo("304 without a conditional request / Expected: 304 only after If-None-Match or If-Modified-Since (RFC 9110 15.4.5) / Received: 304 to a plain GET /things/1"));

    [Test]
    public void Conditional304_WithIfNoneMatch_Passes()
    {
        var context = Context(Row([304]), 304);
        var conditional = context with { Request = context.Request.WithHeader("If-None-Match", "\"v1\"") };
        Assert.That(Run(Check("not_modified_only_when_conditional"), conditional).Outcome, Is.EqualTo(Outcome.Passed));
    }

    private const string Good = "--b1\r\nContent-Type: application/json\r\n\r\n[{\"status\":200},{\"status\":404}]\r\n--b1\r\nContent-Type: application/json\r\n\r\n{\"id\":1}\r\n--b1\r\nContent-Type: application/json\r\n\r\n{\"errorCode\":\"CMN-102\"}\r\n--b1--\r\n";

    [Test]
    public void Batch207_StatusArrayFirst_Passes() =>
        Assert.That(Run(Check("batch_207_status_part"), Context(Row([207]), 207, Good, "multipart/mixed; boundary=b1")).Message,
            Is.EqualTo("Status part lists 2 part(s): 200, 404."));

    [Test]
    public void Batch207_FirstPartIsResource_Fails()
    {
        var bad = Good.Replace("[{\"status\":200},{\"status\":404}]", "{\"id\":7}", StringComparison.Ordinal);
        Assert.That(Run(Check("batch_207_status_part"), Context(Row([207]), 207, bad, "multipart/mixed; boundary=b1")).Message,
            Is.EqualTo("207 whose first part is not the status array / Expected: a JSON array of statuses / Received: \"{\"id\":7}\""));
    }

    [Test]
    public void Batch207_BoundaryTextInsideAPart_IsContent()
    {
        var inside = Good.Replace("{\"id\":1}", "{\"note\":\"x--b1 y\"}", StringComparison.Ordinal);
        Assert.That(Run(Check("batch_207_status_part"), Context(Row([207]), 207, inside, "multipart/mixed; boundary=b1")).Outcome, Is.EqualTo(Outcome.Passed));
    }

    [Test]
    public void Batch207_AnotherMediaTypeStartingLikeIt_Fails() =>
        Assert.That(Run(Check("batch_207_status_part"), Context(Row([207]), 207, Good, "multipart/mixedx; boundary=b1")).Outcome, Is.EqualTo(Outcome.Failed));

    [Test]
    public void Batch207_NotMultipart_Fails() =>
        Assert.That(Run(Check("batch_207_status_part"), Context(Row([207]), 207, "[]", "application/json")).Outcome, Is.EqualTo(Outcome.Failed));
}
