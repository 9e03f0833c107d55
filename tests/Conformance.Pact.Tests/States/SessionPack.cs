using Conformance.Contracts;
using Conformance.Pact.Tests.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Conformance.Pact.Tests.States;

/// <summary>
/// A pack whose setup captures a secret: <c>open_session</c> answers a session token, which <c>get_profile</c> sends in
/// <c>X-Session-Token</c> (a credential header by its name). Its provider echoes that token as the profile's owner,
/// where the contract wants "alice", so the interaction fails with the token in the verifier's mismatch.
/// </summary>
internal static class SessionPack
{
    /// <summary>The session token the provider's <c>POST /sessions</c> answers.</summary>
    public const string Token = "sess-9f8e7d6c5b4a";

    public const string Description = "profiles / get_profile / valid -> 200";

    private const string ApiYaml = """
        name: profiles
        title: Profiles
        auth: { header: Authorization, format: "Bearer {token}", sample: profiles-sample-token }
        vars: { session: s-example-0000 }
        statuses: { 200: OK, 201: Created, 401: Unauthorized }
        operations:
          open_session: { method: POST, path: /sessions, body: { user: alice }, schema: schemas/session.schema.json }
          get_profile:
            method: GET
            path: /profile
            headers: { X-Session-Token: "${session}" }
            schema: schemas/profile.schema.json
            mutates: false
            setup: { op: open_session, capture: { session: /token } }
        """;

    private const string Table = """
        rows:
          - { op: get_profile, scenario: valid, expect: 200 }
        """;

    /// <summary>Writes the pack into <c>{root}/profiles</c> and loads it.</summary>
    public static LoadedPack Write(string root)
    {
        var pack = Path.Combine(root, "profiles");
        Directory.CreateDirectory(Path.Combine(pack, "tables"));
        Directory.CreateDirectory(Path.Combine(pack, "schemas"));
        File.WriteAllText(Path.Combine(pack, "api.yaml"), ApiYaml);
        File.WriteAllText(Path.Combine(pack, "schemas", "session.schema.json"), """{ "type": "object", "required": ["token"], "properties": { "token": { "type": "string" } } }""");
        File.WriteAllText(Path.Combine(pack, "schemas", "profile.schema.json"), """{ "type": "object", "required": ["owner"], "properties": { "owner": { "const": "alice" } } }""");
        File.WriteAllText(Path.Combine(pack, "tables", "status.yaml"), Table);
        var loaded = PackLoader.Load(pack, root);
        Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
        return loaded;
    }

    /// <summary>The provider: a session on POST /sessions, and a profile whose owner is the session token it was sent.</summary>
    public static Task<LoopbackApp> StartProviderAsync() => LoopbackApp.StartAsync(web =>
    {
        web.MapPost("/sessions", () => Results.Json(new { token = Token }, statusCode: 201));
        web.MapGet("/profile", (HttpRequest request) => Results.Json(new { owner = request.Headers["X-Session-Token"].ToString() }));
    });
}
