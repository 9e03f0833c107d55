using Conformance.Probing;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A header or query parameter named like a credential (X-Session-Token, access_token) is masked in the curl line as in
/// the Allure exchange, not only the names a pack declares, and so is a form field (client_secret, password); a challenge
/// (WWW-Authenticate) stays readable.
/// </summary>
public sealed class SecretNamesTests
{
    [Test]
    public void CurlLine_CredentialNamedHeaderAndQuery_Masked()
    {
        var request = new ProbeRequest("GET", "/things/1", [new("access_token", "q-4711-value"), new("page", "2")],
            [new("X-Session-Token", "s-4711-value"), new("Accept", "application/json")], null, null, null);

        var curl = CurlLine.Build(new Uri("http://127.0.0.1:9/"), null, request, Redactor.None);

        Assert.That(curl, Is.EqualTo("curl -i -X GET 'http://127.0.0.1:9/things/1?access_token=***&page=2' -H 'X-Session-Token: ***' -H 'Accept: application/json'"));
    }

    [Test]
    public void CurlLine_FormBodyWithCredentialFields_ValuesMaskedWhateverTheirLength()
    {
        var request = new ProbeRequest("POST", "/oauth/token", [], [], "grant_type=password&username=ann&password=pw&client_secret=c%2F5", "application/x-www-form-urlencoded", null);

        var curl = CurlLine.Build(new Uri("http://127.0.0.1:9/"), null, request, Redactor.None);

        Assert.That(curl, Is.EqualTo("curl -i -X POST 'http://127.0.0.1:9/oauth/token' -H 'Content-Type: application/x-www-form-urlencoded' --data-raw 'grant_type=password&username=ann&password=***&client_secret=***'"));
    }

    [Test]
    public void Redactor_FormSentWithASecretField_EchoOfItsValueMaskedAnywhere()
    {
        var request = new ProbeRequest("POST", "/oauth/token", [], [], "client_id=app&client_secret=Zq9%2Fsecret", "application/x-www-form-urlencoded", null);
        var exchange = new Conformance.Reporting.Allure.ExchangeText(Redactor.None.With([request]));

        Assert.Multiple(() =>
        {
            Assert.That(Redactor.None.With([request]).Text("invalid client secret 'Zq9/secret' (Zq9%2Fsecret)"), Is.EqualTo("invalid client secret '***' (***)"));
            Assert.That(exchange.Request(request, new Uri("http://127.0.0.1:9/"), null), Does.EndWith("client_id=app&client_secret=***"));
            Assert.That(Redactor.None.With([request with { Body = "{\"client_secret\":\"Zq9/secret\"}", ContentType = "application/json" }]).Text("Zq9/secret"), Is.EqualTo("Zq9/secret"), "a JSON body is not read as a form");
        });
    }

    [TestCase("text/plain")]
    [TestCase("application/json")]
    [TestCase(null)]
    public void Redactor_FormTextSentUnderAnotherType_CredentialFieldsStillMasked(string? contentType)
    {
        // wrong_content_type and custom rows send an operation's form body under another type: the same secrets travel.
        var request = new ProbeRequest("POST", "/oauth/token", [], [], "grant_type=client_credentials&client_secret=default-secret&password=pw", contentType, null);
        var redactor = Redactor.None.With([request]);

        Assert.Multiple(() =>
        {
            Assert.That(CurlLine.Build(new Uri("http://127.0.0.1:9/"), null, request, redactor), Does.EndWith("--data-raw 'grant_type=client_credentials&client_secret=***&password=***'"));
            Assert.That(new Conformance.Reporting.Allure.ExchangeText(redactor).Request(request, new Uri("http://127.0.0.1:9/"), null), Does.EndWith("grant_type=client_credentials&client_secret=***&password=***"));
            Assert.That(redactor.Text("rejected default-secret"), Is.EqualTo("rejected ***"));
        });
    }

    [Test]
    public void Text_SecretQuotedPercentEncodedInAUrl_Masked() =>
        Assert.That(new Redactor(["s3cr+t/tok="], []).Text("error sending request for url (http://h/x?api_key=s3cr%2Bt%2Ftok%3D) or s3cr%2bt%2ftok%3d"),
            Does.Not.Contain("s3cr"));

    [Test]
    public void Sent_RequestsWithSecretHeaderQueryAndCookie_ThoseValuesOnly()
    {
        var request = new ProbeRequest("GET", "/things/1", [new("api_key", "k-4711-value"), new("page", "2")],
            [new("X-Session-Token", "s-4711-value"), new("Authorization", "Bearer t-4711-value"), new("Cookie", "sid=c-4711-value"), new("Accept", "application/json")], null, null, null);

        Assert.That(Redactor.None.Sent([request, request]), Is.EquivalentTo(new[]
        {
            "k-4711-value", "s-4711-value", "Bearer t-4711-value", "t-4711-value", "sid=c-4711-value", "c-4711-value",
        }));
    }

    [Test]
    public void WithSecrets_Values_MaskedAlsoPercentEncoded() =>
        Assert.That(Redactor.None.WithSecrets(["s 4711/value"]).Text("sent s 4711/value as s%204711%2Fvalue"), Is.EqualTo("sent *** as ***"));

    [TestCase("X-Session-Token", true)]
    [TestCase("x-auth", true)]
    [TestCase("Api_Key", true)]
    [TestCase("Ocp-Apim-Subscription-Key", true)]
    [TestCase("x-functions-key", true)]
    [TestCase("aws_secret_access_key", true)]
    [TestCase("X-Access-Key", true)]
    [TestCase("private_key", true)]
    [TestCase("X-Client-Credential", true)]
    [TestCase("passphrase", true)]
    [TestCase("X-Pwd", true)]
    [TestCase("X-JWT-Assertion", true)]
    [TestCase("client_assertion", true)]
    [TestCase("Idempotency-Key", false)]
    [TestCase("WWW-Authenticate", false)]
    [TestCase("Proxy-Authenticate", false)]
    [TestCase("Accept", false)]
    public void IsSecretName_Name_MaskedWhenItNamesACredential(string name, bool secret) =>
        Assert.That(Redactor.None.IsSecretName(name), Is.EqualTo(secret));
}
