using Conformance.Contracts;

namespace Conformance.Framework.Tests.Contracts;

public sealed class PackLoaderTests
{
    private static string Packs => Path.Combine(AppContext.BaseDirectory, "Packs");

    private static LoadedPack Load(string name) => PackLoader.Load(Path.Combine(Packs, name), AppContext.BaseDirectory);

    [Test]
    public void Load_DemoPack_AllRowsNoErrors()
    {
        var pack = Load("demo");
        Assert.That(pack.Invalid.Select(i => i.Message), Is.Empty);
        Assert.That(pack.Rows.Select(r => r.CaseName), Is.EqualTo(new[]
        {
            "demo / get_thing / valid -> 200", "demo / get_thing / no_auth -> 401", "demo / get_thing / bad_auth -> 401",
            "demo / get_thing / unknown_id(param=id, value=999) -> 404", "demo / get_thing / wrong_method(method=DELETE) -> 405", "demo / create_thing / missing_field(field=name) -> 400",
            "demo / create_thing / valid -> 201",
        }));
    }

    [Test]
    public void LoadAll_RelativePaths_LoadedLikeFullOnes()
    {
        var full = PackLoader.LoadAll(Packs, AppContext.BaseDirectory);
        var relative = PackLoader.LoadAll(Path.GetRelativePath(Directory.GetCurrentDirectory(), Packs), Path.GetRelativePath(Directory.GetCurrentDirectory(), AppContext.BaseDirectory));

        Assert.Multiple(() =>
        {
            Assert.That(relative.Rows.Select(r => r.CaseName), Is.EqualTo(full.Rows.Select(r => r.CaseName)));
            Assert.That(relative.Invalid.Select(i => i.Message), Is.EqualTo(full.Invalid.Select(i => i.Message)));
        });
    }

    [Test]
    public void Load_BrokenRows_EachBecomesOneInvalidEntryAndGoodRowsStay()
    {
        var pack = Load("broken");
        Assert.That(pack.Rows.Select(r => r.Location.Line), Is.EqualTo(new[] { 2, 8 }));
        Assert.That(pack.Invalid.Select(i => i.CaseName), Is.EqualTo(new[]
        {
            "Packs/broken/tables/bad.yaml:3 (invalid)", "Packs/broken/tables/bad.yaml:4 (invalid)", "Packs/broken/tables/bad.yaml:5 (invalid)",
            "Packs/broken/tables/bad.yaml:6 (invalid)", "Packs/broken/tables/bad.yaml:7 (invalid)",
        }));
        Assert.That(pack.Invalid.Select(i => i.Message), Is.EqualTo(new[]
        {
            "Packs/broken/tables/bad.yaml(3,11): error CT0105: Unknown operation 'get_thingy', api.yaml declares get_thing, create_thing. Fix: Declare it under 'operations' in api.yaml or fix the name. Did you mean 'get_thing'?",
            "Packs/broken/tables/bad.yaml(4,32): error CT0104: Unknown scenario 'vaild', the scenarios are valid, no_auth, bad_auth, wrong_method, unknown_id, malformed_json, wrong_content_type, missing_field, invalid_field, too_long_field, not_acceptable, conditional_get, params_in_body, form_body, rate_limit, custom, follow_redirect. Fix: Use a built-in scenario (docs/pack-format.md). Did you mean 'valid'?",
            "Packs/broken/tables/bad.yaml(5,47): error CT0108: Expected status '999' is not an HTTP status, a status is a whole number from 100 to 599. Fix: Use a whole number from 100 to 599, or a class such as 4xx in api.yaml.",
            "Packs/broken/tables/bad.yaml(6,52): error CT0102: Unknown key 'checkz' in a row, a row accepts id, op, scenario, with, expect, schema, body, headers, emptyBody, skip, known, maxResponseMs, checks, tags, setup, description. Fix: Remove or rename the key. Did you mean 'checks'?",
            "Packs/broken/tables/bad.yaml(7,56): error CT0115: Field 'colour' is not in the baseline body of operation 'create_thing', the scenario edits an existing field. Fix: Name a field of the body (name, size) or add it to the baseline.",
        }));
    }

    [Test]
    public void Load_MisspeltRowsKey_OneInvalidCaseCarriesBothDiagnostics()
    {
        var scratch = Path.Combine(Path.GetTempPath(), "conformance-loader-" + Guid.NewGuid().ToString("N"));
        try
        {
            var pack = new Corpus.CorpusCase("table_unknown_top_key").Load(scratch);

            var entry = pack.Invalid.Where(i => i.Location.Path == "tables/bad.yaml").ToList();
            Assert.That(entry.Select(i => i.CaseName), Is.EqualTo(new[] { "tables/bad.yaml:1 (invalid)" }));
            Assert.That(entry[0].Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "CT0102", "CT0114" }));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Test]
    public void Load_MisspeltParamsKey_OneInvalidCaseForTheOperation()
    {
        var scratch = Path.Combine(Path.GetTempPath(), "conformance-loader-" + Guid.NewGuid().ToString("N"));
        try
        {
            var pack = new Corpus.CorpusCase("api_operation_params_misspelt").Load(scratch);

            var entry = pack.Invalid.Where(i => i.Location.Path == "api.yaml").ToList();
            Assert.That(entry.Select(i => i.CaseName), Is.EqualTo(new[] { "api.yaml:18 (invalid)" }));
            Assert.That(entry[0].Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "CT0102" }));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
