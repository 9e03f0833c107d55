using Conformance.Probing;
using static Conformance.Import.Tests.ImportFormBodyTests;

namespace Conformance.Import.Tests;

/// <summary>
/// What the form body fuzzer (<see cref="ImportFormFuzzRunTests"/>) found the importer drafting wrong: each test is one
/// minimised document, its body checked as the framework sends it.
/// </summary>
public sealed class ImportFormFuzzFindingsRunTests
{
    [Test]
    public async Task Import_FormRequiredListsWithoutMinItems_EachSentWithAnItem()
    {
        // Fuzzer: a required list with no minItems was drafted [], which a form sends as no field at all (exploded) or as
        // "ids=", one empty item (unexploded): the API read the field as missing, or an integer list holding "" (23 of the
        // first 120 fuzzed documents).
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportFormAsync(folder, "lists", """
            {"schema":{"type":"object","required":["tags","ids"],"properties":{
               "tags":{"type":"array","items":{"type":"string"}},
               "ids":{"type":"array","items":{"type":"integer","minimum":3}},
               "more":{"type":"array","items":{"type":"integer"},"default":[]}}},
             "encoding":{"ids":{"style":"form","explode":false},"more":{"style":"pipeDelimited","explode":false}}}
            """);

        var op = loaded.Pack!.Operations["post_form"];
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(Baseline.Build(loaded.Pack, op, null).Body, Is.EqualTo("tags=sample&ids=3"));
            Assert.That(output, Does.Not.Contain("note: the form body"));
        });
    }

    [Test]
    public async Task Import_FormRequiredListThatHoldsNoItem_LeftOutWithANote()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportFormAsync(folder, "none", """
            {"schema":{"type":"object","required":["name","gone"],"properties":{"name":{"type":"string"},"gone":{"type":"array","maxItems":0}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(Baseline.Build(loaded.Pack!, loaded.Pack!.Operations["post_form"], null).Body, Is.EqualTo("name=sample"));
            Assert.That(output.Split('\n').Where(l => l.StartsWith("note: the form body", StringComparison.Ordinal)), Is.EqualTo(new[]
            {
                "note: the form body sample of post_form has required field 'gone' whose sample is an empty list, which a form sends as no field at all (or, with explode: false, as one empty item): the field was left out of the drafted body; "
                + "if the API takes it empty, send it by hand as it reads it (e.g. gone=)",
            }));
        });
    }

    [Test]
    public async Task Import_FormDeepObjectHoldingOnlyAnEmptyObject_LeftOutWithANote()
    {
        // Fuzzer: a required deepObject field whose sample was {"inner":{}} spread into no name[key] field at all, so the
        // form went out without it and with no note (3 of 1500 fuzzed documents).
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportFormAsync(folder, "deep", """
            {"schema":{"type":"object","required":["name","filter"],"properties":{"name":{"type":"string"},
               "filter":{"type":"object","required":["inner"],"properties":{"inner":{"type":"object","properties":{"k":{"type":"string"}}}}}}},
             "encoding":{"filter":{"style":"deepObject","explode":true}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(Baseline.Build(loaded.Pack!, loaded.Pack!.Operations["post_form"], null).Body, Is.EqualTo("name=sample"));
            Assert.That(output.Split('\n').Where(l => l.StartsWith("note: the form body", StringComparison.Ordinal)), Is.EqualTo(new[]
            {
                "note: the form body sample of post_form has required field 'filter' whose sample is an object holding only empty objects or lists, which a form sends as no field at all (or, with explode: false, as one empty value): "
                + "the field was left out of the drafted body; if the API takes it empty, send it by hand as it reads it (e.g. filter=)",
            }));
        });
    }

    [Test]
    public async Task Import_FormUnexplodedItemHoldingTheDelimiter_NotedAsReadAsMoreItems()
    {
        // Fuzzer: an item holding the style's delimiter ("a,b" joined with ",") went out as "a,b,red", which the API reads
        // as three items, none of them "a,b", with no note.
        using var folder = new ImportFolder();
        var (code, output, errors, _, loaded) = await ImportFormAsync(folder, "joined", """
            {"schema":{"type":"object","required":["tags","pair"],"properties":{
               "tags":{"type":"array","minItems":2,"uniqueItems":true,"items":{"type":"string","enum":["a,b","red"]}},
               "pair":{"type":"object","required":["k"],"properties":{"k":{"type":"string","default":"x|y"}}}}},
             "encoding":{"tags":{"style":"form","explode":false},"pair":{"style":"pipeDelimited","explode":false}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(Baseline.Build(loaded.Pack!, loaded.Pack!.Operations["post_form"], null).Body, Is.EqualTo("tags=a%2Cb%2Cred&pair=k%7Cx%7Cy"));
            Assert.That(output.Split('\n').Where(l => l.StartsWith("note: the form body", StringComparison.Ordinal)), Is.EqualTo(new[]
            {
                "note: the form body sample of post_form has field 'tags' sent with its items joined by ',' (style form, explode: false), and an item holds ',' itself (\"a,b\"), so the API reads more items than were drafted: "
                + "write items without ',' there by hand",
                "note: the form body sample of post_form has field 'pair' sent with its items joined by '|' (style pipeDelimited, explode: false), and an item holds '|' itself (\"x|y\"), so the API reads more items than were drafted: "
                + "write items without '|' there by hand",
            }));
        });
    }
}
