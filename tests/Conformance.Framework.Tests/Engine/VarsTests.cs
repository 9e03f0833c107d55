using System.Collections.Concurrent;
using Conformance.Contracts;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// <c>vars:</c> (Packs/vars): ids that differ per environment are written <c>${name}</c>; the defaults serve the
/// embedded reference API, and <c>&lt;api&gt;.var.&lt;name&gt;</c> gives a target its own, in the path, query, headers
/// and body (a number stays a number), and in a row's <c>with:</c>.
/// </summary>
public sealed class VarsTests
{
    private static readonly LoadedPack Pack = PackLoader.Load(Path.Combine(AppContext.BaseDirectory, "Packs", "vars"), AppContext.BaseDirectory);

    [Test]
    public async Task RunAsync_NoOverride_DefaultsEverywhere()
    {
        var (results, seen) = await RunAsync([]);

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EquivalentTo(new[] { "GET /accounts/acc-1/customers/1001?ref=cust-1001 t1", "GET /accounts/acc-1/customers/999?ref=cust-1001 t1", "POST /notes t1", "GET /customers/1001?ref=cust-1001 other-t1" }));
            Assert.That(Body(results), Is.EqualTo("""{"customer_id":1001,"text":"note for 1001","tags":["t1"]}"""));
            Assert.That(results.Single(r => r.Row!.OperationId == "create_note").Verdict, Is.EqualTo(Verdict.Passed));
        });
    }

    [Test]
    public async Task RunAsync_TargetValues_InPathQueryHeadersAndTypedInTheBody()
    {
        var (results, seen) = await RunAsync(new() { ["vars.var.account"] = "acc-9", ["vars.var.customer_id"] = "42", ["vars.var.tenant"] = "blue" }, """{"customer_id":42,"tenant":"blue"}""");

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EquivalentTo(new[] { "GET /accounts/acc-9/customers/42?ref=cust-42 blue", "GET /accounts/acc-9/customers/999?ref=cust-42 blue", "POST /notes blue", "GET /customers/42?ref=cust-42 other-blue" }));
            Assert.That(Body(results), Is.EqualTo("""{"customer_id":42,"text":"note for 42","tags":["blue"]}"""));
            Assert.That(results.Single(r => r.Row!.OperationId == "create_note").Verdict, Is.EqualTo(Verdict.Passed), "equals/oneOf take the target's values");
        });
    }

    [Test]
    public async Task RunAsync_BodyValueFromTheDefaultWhereTheTargetsWasSet_BodyValueFails()
    {
        var (results, _) = await RunAsync(new() { ["vars.var.customer_id"] = "42" });

        var created = results.Single(r => r.Row!.OperationId == "create_note");
        Assert.Multiple(() =>
        {
            Assert.That(created.Failures.Select(c => c.CheckId), Is.EqualTo(new[] { "body_value_conformance" }), created.Message);
            Assert.That(created.Message, Does.Contain("/customer_id: expected 42, received 1001"));
            Assert.That(created.CaseName, Is.EqualTo("vars / create_note / valid -> 201"));
        });
    }

    [Test]
    public async Task RunAsync_NumberVariableGivenText_EveryCaseBrokenNamingTheSetting()
    {
        var (results, seen) = await RunAsync(new() { ["vars.var.customer_id"] = "abc" });

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.Empty);
            Assert.That(results.Select(r => r.Verdict), Has.All.EqualTo(Verdict.Broken));
            Assert.That(results[0].Message, Is.EqualTo("Invalid target settings, no probe was sent:" + Environment.NewLine + "runsettings:vars.var.customer_id(1,1): error CT0303: 'abc' is not a number, the variable's default (1001) is one, and the body keeps that JSON type. Fix: Give the setting a value of the type the message names."));
        });
    }

    [Test]
    public async Task RunAsync_TargetValuesWithALineBreakAfterThem_TrimmedAsATokenIs()
    {
        var (_, seen) = await RunAsync(new() { ["vars.var.account"] = "acc-9\n", ["vars.var.customer_id"] = " 42\r\n", ["vars.var.tenant"] = "blue\n" }, """{"customer_id":42,"tenant":"blue"}""");

        Assert.That(seen, Is.EquivalentTo(new[] { "GET /accounts/acc-9/customers/42?ref=cust-42 blue", "GET /accounts/acc-9/customers/999?ref=cust-42 blue", "POST /notes blue", "GET /customers/42?ref=cust-42 other-blue" }));
    }

    [Test]
    public async Task RunAsync_ValueWithALineBreakInside_EveryCaseBrokenWithoutShowingIt()
    {
        var (results, seen) = await RunAsync(new() { ["vars.var.tenant"] = "bl\nue" });

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.Empty);
            Assert.That(results[0].Message, Is.EqualTo("Invalid target settings, no probe was sent:" + Environment.NewLine + "runsettings:vars.var.tenant(1,1): error CT0303: vars.var.tenant holds a line break or another control character, a path, query, header or body would carry it to the target as it is (the value is not shown: it may be a secret). Fix: Give the setting a value of the type the message names."));
        });
    }

    [Test]
    public void Bind_NoVars_ThePackItself()
    {
        var pack = EngineHarness.Demo.Pack!;

        Assert.That(VarBinding.Bind(pack, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>()), Is.SameAs(pack));
    }

    [Test]
    public void Bind_PathParameterWrittenInAnotherCase_StillExpanded()
    {
        var operation = new Operation("get_thing", "GET", "/things/{Id}/parts/{part}", new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["id"] = "${thing}", ["PART"] = "p1" },
            [], new Dictionary<string, string>(), null, null, false, new Conformance.Diagnostics.SourceLocation("api.yaml", 1, 1));

        var bound = VarBinding.Bind(operation, new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["thing"] = 7 });

        Assert.That(Conformance.Probing.Baseline.ExpandPath(bound.Path, bound.Params), Is.EqualTo("/things/7/parts/p1"));
    }

    [Test]
    public void Bind_VariableInABodyRegex_SplicedInAsLiteralText()
    {
        var row = Pack.Rows.Single(r => r.OperationId == "create_note");
        var regex = row with { Body = [new Conformance.Tables.BodyAssertion("/ref", Conformance.Tables.BodyRule.Regex, [], new System.Text.RegularExpressions.Regex("^cust-${customer_id}$"), row.Location)] };

        var bound = VarBinding.Bind(regex, new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["customer_id"] = "4.2" });

        Assert.Multiple(() =>
        {
            Assert.That(bound.Body[0].Pattern!.ToString(), Is.EqualTo(@"^cust-4\.2$"));
            Assert.That(bound.Body[0].Pattern!.IsMatch("cust-4.2"), Is.True);
            Assert.That(bound.Body[0].Pattern!.IsMatch("cust-4x2"), Is.False);
        });
    }

    [Test]
    public void Load_DollarDollarBraceWithoutVars_LiteralPlaceholderSentAsWritten()
    {
        var folder = Path.Combine(Path.GetTempPath(), "conformance-escape-" + Guid.NewGuid().ToString("N"), "tpl");
        Directory.CreateDirectory(Path.Combine(folder, "tables"));
        try
        {
            File.WriteAllText(Path.Combine(folder, "api.yaml"), """
                name: tpl
                statuses: { 201: Created }
                operations:
                  send: { method: POST, path: /messages, body: { template: "Hello $${first_name}", to: "0400000001" } }
                """);
            File.WriteAllText(Path.Combine(folder, "tables", "t.yaml"), """
                rows:
                  - { op: send, scenario: valid, expect: 201, body: { /template: { equals: "Hello $${first_name}" } } }
                """);

            var loaded = PackLoader.Load(folder, Path.GetDirectoryName(folder)!);
            var bound = VarBinding.Bind(loaded.Pack!, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>());

            Assert.Multiple(() =>
            {
                Assert.That(loaded.Invalid, Is.Empty, string.Join(Environment.NewLine, loaded.Invalid.SelectMany(i => i.Diagnostics)));
                Assert.That(bound.Operations["send"].Body!.ToJsonString(), Is.EqualTo("""{"template":"Hello ${first_name}","to":"0400000001"}"""));
                Assert.That(VarBinding.Bind(loaded.Rows.Single(), new Dictionary<string, System.Text.Json.Nodes.JsonNode?>()).Body[0].Values[0]!.ToJsonString(), Is.EqualTo("\"Hello ${first_name}\""));
            });
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    private static string? Body(IEnumerable<CaseResult> results) => results.Single(r => r.Row!.OperationId == "create_note").Exchange!.Request.Body;

    private static async Task<(IReadOnlyList<CaseResult> Results, IReadOnlyCollection<string> Seen)> RunAsync(Dictionary<string, string> settings, string created = """{"customer_id":1001,"tenant":"t1"}""")
    {
        var seen = new ConcurrentBag<string>();
        await using var server = HostileServer.Start(x =>
        {
            var tenant = x.Request.Headers.FirstOrDefault(h => h.Key.Equals("X-Tenant", StringComparison.OrdinalIgnoreCase)).Value;
            seen.Add($"{x.Request.Method} {x.Request.Path}{(x.Request.Query.Length > 0 ? "?" + x.Request.Query : string.Empty)} {tenant}");
            return x.Request.Method == "POST" ? x.RespondAsync(201, "Created", "application/json", created, "Location: /notes/1") : x.RespondAsync(200, "OK", "application/json", "{}");
        });
        settings["vars.baseUrl"] = server.BaseUri.ToString();
        settings["vars.allowMutation"] = "true";
        return (await EngineHarness.RunRowsAsync(Pack, Pack.Rows, settings), seen);
    }
}
