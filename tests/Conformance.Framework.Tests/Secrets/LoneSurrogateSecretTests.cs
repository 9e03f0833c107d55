using System.Text;
using Conformance.Probing;
using Conformance.Reporting;
using Conformance.Reporting.Allure;

namespace Conformance.Framework.Tests.Secrets;

/// <summary>
/// A JSON body with an escaped lone surrogate (<c>"\uD800"</c>) in a property name or a string: no reader gives it as
/// text, and reading it for the credentials a target hands out threw out of the run. The other credentials in that body
/// are still found, and one written with such an escape is masked as it is written.
/// </summary>
public sealed class LoneSurrogateSecretTests
{
    [TestCase("""{"\uD800":"abcdefghij","access_token":"at-LEAK-12345678"}""", "at-LEAK-12345678")]
    [TestCase("""{"access_token":"at-LEAK-\uDC00-12345678","\uD800x":"abcdefghij"}""", "at-LEAK-\\uDC00-12345678")]
    [TestCase("""{"nested":{"\uDBFF":{"refresh_token":"rt-LEAK-87654321"}}}""", "rt-LEAK-87654321")]
    public void InBody_LoneSurrogateInTheBody_OtherCredentialsStillFound(string body, string secret) =>
        Assert.That(ResponseSecrets.InBody(body, "application/json", Redactor.IsCredentialName), Is.EqualTo(new[] { secret }));

    [Test]
    public void InBody_PairedSurrogatesAndNoCredential_NothingFound() =>
        Assert.That(ResponseSecrets.InBody("""{"name":"\uD83D\uDC32 dragon","token_type":"Bearer"}""", "application/json", Redactor.IsCredentialName), Is.Empty);

    [Test]
    public void Response_LoneSurrogatesInTheBody_WrittenWithTheCredentialMasked()
    {
        const string Body = """{"\uD800":"x","access_token":"at-LEAK-\uDC00-12345678"}""";
        var response = new ProbeResponse(200, "OK", [new("Content-Type", "application/json")], Encoding.UTF8.GetBytes(Body), false, TimeSpan.Zero);
        var redactor = Redactor.None.WithSecrets([.. ResponseSecrets.Of(response, Redactor.IsCredentialName)]);

        var text = new ExchangeText(redactor).Response(response);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("\\uD800"));
            Assert.That(text, Does.Not.Contain("LEAK"));
        });
    }
}
