using Conformance.Contracts;
using Conformance.Probing;

namespace Conformance.Framework.Tests.Targets;

/// <summary><see cref="ProbeRequest.Placed"/>: the one place the credential goes into a request (sender and pact export).</summary>
public sealed class ProbeRequestTests
{
    private static readonly AuthScheme Bearer = new("Authorization", null, "Bearer {token}", null, null);
    private static readonly AuthScheme ApiKey = new(null, "api_key", "{token}", null, null);
    private static readonly AuthScheme Cookie = new("Cookie", null, "sid={token}", null, null) { Cookie = "sid" };

    private static ProbeRequest Request(string? credential, params (string Name, string Value)[] headers) =>
        new("GET", "/me", [new("page", "1")], [.. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))], null, null, credential);

    [Test]
    public void Placed_HeaderScheme_HeaderSetAndCredentialNoLongerApart()
    {
        var placed = Request("t1", ("Authorization", "old"), ("Accept", "application/json")).Placed(Bearer);

        Assert.Multiple(() =>
        {
            Assert.That(placed.Headers.Select(h => $"{h.Key}: {h.Value}"), Is.EqualTo(new[] { "Accept: application/json", "Authorization: Bearer t1" }));
            Assert.That(placed.Credential, Is.Null);
        });
    }

    [Test]
    public void Placed_QueryScheme_ParameterAfterTheOthers() =>
        Assert.That(Request("k1").Placed(ApiKey).Query.Select(q => $"{q.Key}={q.Value}"), Is.EqualTo(new[] { "page=1", "api_key=k1" }));

    [Test]
    public void Placed_CookieBesideTheRequestsOwn_Joined() =>
        Assert.That(Request("s1", ("Cookie", "theme=dark")).Placed(Cookie).Header("Cookie"), Is.EqualTo("theme=dark; sid=s1"));

    [Test]
    public void Placed_NoCredential_Unchanged()
    {
        var request = Request(null, ("Cookie", "theme=dark"));

        Assert.That(request.Placed(Cookie), Is.SameAs(request));
    }
}
