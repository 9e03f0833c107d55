using System.Text.Json.Nodes;
using Conformance.Contracts;

namespace Conformance.Pact.Tests;

public sealed class PactCredentialsTests
{
    private static readonly AuthScheme Bearer = new("Authorization", null, "Bearer {token}", "Bearer", "sample-token");
    private static readonly AuthScheme ApiKey = new(null, "api_key", "{token}", null, "sample-key");

    private static string Pact(params JsonObject[] requests) => new JsonObject
    {
        ["consumer"] = new JsonObject { ["name"] = "c" },
        ["provider"] = new JsonObject { ["name"] = "p" },
        ["interactions"] = new JsonArray([.. requests.Select((r, i) => (JsonNode)new JsonObject { ["description"] = $"i{i}", ["request"] = r, ["response"] = new JsonObject { ["status"] = 200 } })]),
    }.ToJsonString();

    private static JsonNode? Request(string json, int index) => JsonNode.Parse(json)!["interactions"]![index]!["request"];

    [Test]
    public void Rewrite_HeaderWithExportedCredential_ReplacedByTheTargetsOwn()
    {
        var pact = Pact(new JsonObject { ["method"] = "GET", ["path"] = "/x", ["headers"] = new JsonObject { ["authorization"] = "Bearer sample-token", ["Accept"] = "application/json" } });

        var (json, replaced) = PactCredentials.Rewrite(pact, Bearer, "real-1");

        Assert.Multiple(() =>
        {
            Assert.That(replaced, Is.EqualTo(1));
            Assert.That(Request(json, 0)!["headers"]!["authorization"]!.GetValue<string>(), Is.EqualTo("Bearer real-1"));
            Assert.That(Request(json, 0)!["headers"]!["Accept"]!.GetValue<string>(), Is.EqualTo("application/json"));
        });
    }

    [Test]
    public void Rewrite_NoCredentialOrAWrongOne_LeftAsExported()
    {
        var pact = Pact(
            new JsonObject { ["method"] = "GET", ["path"] = "/x" },
            new JsonObject { ["method"] = "GET", ["path"] = "/x", ["headers"] = new JsonObject { ["Authorization"] = "Bearer not-the-sample" } },
            new JsonObject { ["method"] = "GET", ["path"] = "/x", ["headers"] = new JsonObject { ["X-Other"] = "Bearer sample-token" } });

        var (json, replaced) = PactCredentials.Rewrite(pact, Bearer, "real-1");

        Assert.Multiple(() =>
        {
            Assert.That(replaced, Is.Zero);
            Assert.That(Request(json, 0)!["headers"], Is.Null);
            Assert.That(Request(json, 1)!["headers"]!["Authorization"]!.GetValue<string>(), Is.EqualTo("Bearer not-the-sample"));
            Assert.That(Request(json, 2)!["headers"]!["X-Other"]!.GetValue<string>(), Is.EqualTo("Bearer sample-token"));
        });
    }

    [Test]
    public void Rewrite_V4HeaderList_EachMatchingValueReplaced()
    {
        var pact = Pact(new JsonObject { ["method"] = "GET", ["path"] = "/x", ["headers"] = new JsonObject { ["Authorization"] = new JsonArray("Bearer sample-token") } });

        var (json, replaced) = PactCredentials.Rewrite(pact, Bearer, "real-1");

        Assert.Multiple(() =>
        {
            Assert.That(replaced, Is.EqualTo(1));
            Assert.That(Request(json, 0)!["headers"]!["Authorization"]![0]!.GetValue<string>(), Is.EqualTo("Bearer real-1"));
        });
    }

    [Test]
    public void Rewrite_QueryParameterCredential_ReplacedOtherParametersKept()
    {
        var pact = Pact(new JsonObject
        {
            ["method"] = "GET",
            ["path"] = "/x",
            ["query"] = new JsonObject { ["api_key"] = new JsonArray("sample-key"), ["page"] = new JsonArray("sample-key") },
        });

        var (json, replaced) = PactCredentials.Rewrite(pact, ApiKey, "real-2");

        Assert.Multiple(() =>
        {
            Assert.That(replaced, Is.EqualTo(1));
            Assert.That(Request(json, 0)!["query"]!["api_key"]![0]!.GetValue<string>(), Is.EqualTo("real-2"));
            Assert.That(Request(json, 0)!["query"]!["page"]![0]!.GetValue<string>(), Is.EqualTo("sample-key"));
        });
    }

    [Test]
    public void Rewrite_CookieCredential_ReplacedInTheCookieHeader()
    {
        var cookie = new AuthScheme("Cookie", null, "sid={token}", null, "sample-session") { Cookie = "sid" };
        var pact = Pact(
            new JsonObject { ["method"] = "GET", ["path"] = "/me", ["headers"] = new JsonObject { ["Cookie"] = "sid=sample-session" } },
            new JsonObject { ["method"] = "GET", ["path"] = "/me", ["headers"] = new JsonObject { ["Cookie"] = "sid=invalid-token" } });

        var (json, replaced) = PactCredentials.Rewrite(pact, cookie, "real-session");

        Assert.Multiple(() =>
        {
            Assert.That(replaced, Is.EqualTo(1));
            Assert.That(Request(json, 0)!["headers"]!["Cookie"]!.GetValue<string>(), Is.EqualTo("sid=real-session"));
            Assert.That(Request(json, 1)!["headers"]!["Cookie"]!.GetValue<string>(), Is.EqualTo("sid=invalid-token"));
        });
    }

    [Test]
    public void Rewrite_CookieBesideTheOperationsOwn_OnlyThatPairReplaced()
    {
        var cookie = new AuthScheme("Cookie", null, "sid={token}", null, "sample-session") { Cookie = "sid" };
        var pact = Pact(new JsonObject { ["method"] = "GET", ["path"] = "/me", ["headers"] = new JsonObject { ["Cookie"] = "theme=dark; sid=sample-session" } });

        var (json, replaced) = PactCredentials.Rewrite(pact, cookie, "real-session");

        Assert.Multiple(() =>
        {
            Assert.That(replaced, Is.EqualTo(1));
            Assert.That(Request(json, 0)!["headers"]!["Cookie"]!.GetValue<string>(), Is.EqualTo("theme=dark; sid=real-session"));
        });
    }

    [Test]
    public void Exported_PackWithoutSample_Placeholder()
    {
        Assert.That(PactCredentials.Exported(Bearer with { Sample = null }), Is.EqualTo("REPLACE-WITH-TOKEN"));
    }
}
