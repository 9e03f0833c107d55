using static Conformance.Import.Tests.ImportParameterBudgetRunTests;

namespace Conformance.Import.Tests;

/// <summary>
/// The importer's own <c>pattern</c> matches are counted by the characters they read (1,000,000 per body or parameter),
/// never timed: a body or parameter past that count is not drafted and gets CT0403, as past the value budget.
/// </summary>
public sealed class ImportPatternWorkRunTests
{
    [Test]
    public async Task Import_UniqueItemsOfLongPatternTexts_Ct0403AtTheBodyAndTheParameter()
    {
        // 300 unique texts of 4,096 letters: each next item searches the variants of the first text again, each match
        // reading 4,097 characters (about 185 million for the list).
        const string Text = "{'type':'string','pattern':'^[a-z]+$','minLength':4096}";
        const string List = "{'type':'array','minItems':300,'uniqueItems':true,'items':" + Text + "}";
        var json = ("{'openapi':'3.1.0','info':{'title':'long','version':'1'},'paths':{'/things':{'post':{'operationId':'createThing',"
            + "'parameters':[{'name':'ids','in':'query','required':true,'schema':" + List + "}],"
            + "'requestBody':{'content':{'application/json':{'schema':" + List + "}}},"
            + "'responses':{'201':{'description':'created'}}}}}}").Replace('\'', '"');
        using var folder = new ImportFolder();
        var document = Path.Combine(folder.Path, "long.json");
        await File.WriteAllTextAsync(document, json);
        var (code, output, errors) = await ImportFolder.RunAsync(document, "--name", "long", "--out", Path.Combine(folder.Path, "long"));

        var operation = Conformance.Contracts.PackLoader.Load(Path.Combine(folder.Path, "long"), folder.Path).Pack!.Operations["create_thing"];
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(Warnings(output), Is.EqualTo(new[]
            {
                "long.json(1,352): warning CT0403: the request body of create_thing was not drafted, matching its patterns read more than 1000000 characters (at /21 when it stopped), the work the importer spends on the patterns of one body (long texts, or many variants to search). Fix: Write that operation's body in api.yaml by hand, a small value its schema accepts (the other operations were drafted as usual).",
                "long.json(1,128): warning CT0403: the query parameter 'ids' of create_thing was not drafted, matching its patterns read more than 1000000 characters (at /21 when it stopped), the work the importer spends on the patterns of one parameter (long texts, or many variants to search). Fix: Write that parameter's value in api.yaml by hand, a small value its schema accepts (it was left out of query: of create_thing; the other parameters and operations were drafted as usual).",
            }));
            Assert.That(operation.Body, Is.Null);
            Assert.That(operation.Query, Is.Empty);
        });
    }
}
