using Conformance.Pact.Tests.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests;

/// <summary>
/// What a provider hands out in a response the verifier quotes in its mismatches (libpact_ffi reports the differing value,
/// not the response): the value of a body property named like a credential, of a cookie it sets, of a header named like
/// a credential, and any credential-named JSON string a mismatch text quotes, masked in the interaction's mismatch and in
/// the verifier's output, as a row's report masks what its response handed out.
/// </summary>
public sealed class MismatchSecretsTests
{
    private const string Json = """
        {"interactionResults":[{"description":"a token","result":"Error","mismatch":{"type":"mismatches","mismatches":[
          {"type":"BodyMismatch","path":"$.access_token","actual":"\"live-LEAK-access-3\"","expected":"\"sample-token-value\"","mismatch":"Expected 'live-LEAK-access-3' (String) to be equal to 'sample-token-value' (String)"},
          {"type":"BodyMismatch","path":"$.user['session_id']","actual":"\"Bearer live-LEAK-sess-4\"","expected":"\"sample-session\"","mismatch":"Expected 'Bearer live-LEAK-sess-4' (String) to be equal to 'sample-session' (String)"},
          {"type":"BodyMismatch","path":"$.token_type","actual":"\"Bearer\"","expected":"\"bearer\"","mismatch":"Expected 'Bearer' (String) to be equal to 'bearer' (String)"},
          {"type":"BodyMismatch","path":"$","actual":"{\"refresh_token\":\"live-LEAK-refresh-5\"}","expected":"{}","mismatch":"Expected an empty Map but received {\"refresh_token\":\"live-LEAK-refresh-5\"}"},
          {"type":"HeaderMismatch","key":"Set-Cookie","actual":"sid=live-LEAK-cookie-2; Path=/","expected":"sid=sample; Path=/","mismatch":"Mismatch with header 'Set-Cookie': Expected 'sid=live-LEAK-cookie-2; Path=/' to be equal to 'sid=sample; Path=/'"},
          {"type":"HeaderMismatch","key":"X-Session-Token","actual":"live-LEAK-session-1","expected":"sample-session","mismatch":"Mismatch with header 'X-Session-Token': Expected 'live-LEAK-session-1' to be equal to 'sample-session'"},
          {"type":"BodyTypeMismatch","actual":"text/html","expected":"application/json","actualBody":"<p>{\"api_key\":\"live-LEAK-6\"}</p>","mismatch":"Expected a JSON body but received <p>{\"api_key\":\"live-LEAK-key-6\"}</p>"}]}}]}
        """;

    [Test]
    public void Parse_MismatchesQuoteWhatTheProviderHandedOut_Masked() =>
        Assert.That(VerificationJson.Parse(Json).Single().Mismatch, Is.EqualTo(string.Join('\n',
            "$.access_token -> Expected '***' (String) to be equal to 'sample-token-value' (String)",
            "$.user['session_id'] -> Expected 'Bearer ***' (String) to be equal to 'sample-session' (String)",
            "$.token_type -> Expected 'Bearer' (String) to be equal to 'bearer' (String)",
            "$ -> Expected an empty Map but received {\"refresh_token\":\"***\"}",
            "Mismatch with header 'Set-Cookie': Expected 'sid=***; Path=/' to be equal to 'sid=sample; Path=/'",
            "Mismatch with header 'X-Session-Token': Expected '***' to be equal to 'sample-session'",
            "Expected a JSON body but received <p>{\"api_key\":\"***\"}</p>")));

    [Test]
    public async Task Verify_ProviderHandsOutCredentialsThePactDoesNotExpect_NeitherMismatchNorOutputHoldsThem()
    {
        using var folder = new TempFolder();
        var expected = PactResponse.Json(200, """{"access_token":"sample-token-value","user":{"session_id":"sample-session"}}""", []) with
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json", ["X-Session-Token"] = "sample-session", ["Set-Cookie"] = "sid=sample; Path=/" },
        };
        var pact = PactWriter.Write(new PactDefinition("c", "p", [new PactInteraction("a token", null, PactRequest.Of("GET", "/token"), expected)]), folder.Path);
        await using var provider = await LoopbackApp.StartAsync(web => web.MapGet("/token", (HttpResponse response) =>
        {
            response.Headers["X-Session-Token"] = "live-LEAK-session-1";
            response.Headers.SetCookie = "sid=live-LEAK-cookie-2; Path=/";
            return Results.Text("""{"access_token":"live-LEAK-access-3","user":{"session_id":"live-LEAK-sess-4"}}""", "application/json");
        }));

        var result = PactVerifier.Verify(new PactVerifierOptions("p", provider.BaseUri), PactSource.Files([pact]));

        Assert.Multiple(() =>
        {
            Assert.That(result.Interactions.Single().Mismatch, Does.Not.Contain("LEAK").And.Contain("Expected '***' (String) to be equal to 'sample-token-value' (String)"));
            Assert.That(result.Output, Does.Not.Contain("LEAK"));
        });
    }
}
