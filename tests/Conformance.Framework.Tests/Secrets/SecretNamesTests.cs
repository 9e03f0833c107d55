using Conformance.Probing;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A header or query parameter named like a credential (X-Session-Token, access_token) is masked in the curl line as in
/// the Allure exchange, not only the names a pack declares; a challenge (WWW-Authenticate) stays readable.
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
    public void Text_SecretQuotedPercentEncodedInAUrl_Masked() =>
        Assert.That(new Redactor(["s3cr+t/tok="], []).Text("error sending request for url (http://h/x?api_key=s3cr%2Bt%2Ftok%3D) or s3cr%2bt%2ftok%3d"),
            Does.Not.Contain("s3cr"));

    [TestCase("X-Session-Token", true)]
    [TestCase("x-auth", true)]
    [TestCase("Api_Key", true)]
    [TestCase("WWW-Authenticate", false)]
    [TestCase("Proxy-Authenticate", false)]
    [TestCase("Accept", false)]
    public void IsSecretName_Name_MaskedWhenItNamesACredential(string name, bool secret) =>
        Assert.That(Redactor.None.IsSecretName(name), Is.EqualTo(secret));
}
