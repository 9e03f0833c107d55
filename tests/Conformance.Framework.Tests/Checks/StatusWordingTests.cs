using Conformance.Checks;
using Conformance.Contracts;
using static Conformance.Framework.Tests.Checks.CheckFixture;

namespace Conformance.Framework.Tests.Checks;

/// <summary>
/// Check messages name a status by its HTTP reason phrase, not by the pack's (often paragraph-long) meaning, so the
/// Allure step title (cut at 160 characters) and the category tree still show what came back.
/// </summary>
public sealed class StatusWordingTests
{
    private static readonly ApiPack Wordy = Pack with
    {
        Statuses =
        [
            Doc("2xx", "Success (implied: the page lists only the codes of unsuccessful requests, and says the service responds to every request with JSON formatted data)."),
            Doc("308", "HTTP 307, HTTP 308 — request to target URL specified in Location header must be performed with the same HTTP method as the original request."),
            Doc("400", "Bad Request – The server cannot or will not process the request due to something that is perceived to be a client error (e.g., malformed request syntax, or invalid request parameters)."),
            Doc("404", "Not Found – The server did not find the target resource or endpoint."),
            Doc("499", "Client Closed Request – the caller hung up before the answer was ready, which nginx logs this way."),
            Doc("5xx", "Server error"),
        ],
    };

    [Test]
    public void StatusCode_PackMeaningsAreSentences_MessageUsesReasonPhrases()
    {
        var result = Run(Check("status_code_conformance"), In(Context(Row([404]), 400)));

        Assert.That(result.Message, Is.EqualTo("Status code mismatch / Expected: 404 (Not Found) / Received: 400 (Bad Request)"));
    }

    [Test]
    public void StatusCode_CodeCoveredByAClassEntry_MessageUsesItsOwnReasonPhrase()
    {
        var result = Run(Check("status_code_conformance"), In(Context(Row([200]), 502)));

        Assert.That(result.Message, Is.EqualTo("Status code mismatch / Expected: 200 (OK) / Received: 502 (Bad Gateway)"));
    }

    [Test]
    public void StatusCode_DocumentedCodeWithoutReasonPhrase_MessageUsesTheMeaningsHead()
    {
        var result = Run(Check("status_code_conformance"), In(Context(Row([499]), 404)));

        Assert.That(result.Message, Is.EqualTo("Status code mismatch / Expected: 499 (Client Closed Request) / Received: 404 (Not Found)"));
    }

    [Test]
    public void StatusCode_Undocumented_SaysSo()
    {
        var result = Run(Check("status_code_conformance"), In(Context(Row([404]), 418)));

        Assert.That(result.Message, Is.EqualTo("Status code mismatch / Expected: 404 (Not Found) / Received: 418 (not in the documentation)"));
    }

    [Test]
    public void LocationOn3xx_PackMeaningIsASentence_TitleUsesTheReasonPhrase()
    {
        var result = Run(Check("location_on_201_3xx"), In(Context(Row([308]), 308)));

        Assert.That(result.Message, Is.EqualTo("308 (Permanent Redirect) without Location / Expected: a Location header with the redirect target URI / Received: no Location header"));
    }

    [Test]
    public void NotAServerError_PackMeaningIsShort_MessageUsesTheReasonPhrase()
    {
        var result = Run(Check("not_a_server_error"), In(Context(Row([400]), 500)));

        Assert.That(result.Message, Does.StartWith("Server error / Received: 500 (Internal Server Error) / Expected: 400: "));
    }

    private static CheckContext In(CheckContext context) => context with { Pack = Wordy };

    private static DocumentedStatus Doc(string code, string meaning) => new(StatusPattern.Parse(code)!, meaning);
}
