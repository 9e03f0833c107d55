namespace Conformance.Schema.Tests;

/// <summary>Load diagnostics: codes, exact text, positions, and that all problems of a file are reported at once.</summary>
[TestFixture]
public sealed class DiagnosticsTests
{
    private static readonly SchemaOptions Strict = new() { StrictKeywords = true };

    [Test]
    public void Parse_MetaschemaViolation_RendersPinnedText()
    {
        const string json = "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"code\": { \"minLength\": \"3\" }\n  }\n}";

        var result = JsonSchema.Parse(json, "schemas/x.schema.json");

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "schemas/x.schema.json(4,28): error CT0202: invalid schema at /properties/code/minLength, expected type \"integer\" but got string \"3\". " +
            "Fix: make the value conform to the 2020-12 metaschema (https://json-schema.org/draft/2020-12/meta/validation#/$defs/nonNegativeInteger/type)",
        }));
    }

    [Test]
    public void Parse_MisspelledTypeName_ReportsOneDiagnosticForTheNode()
    {
        var result = JsonSchema.Parse("{\"type\": \"strin\"}", "s.json");

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "s.json(1,10): error CT0202: invalid schema at /type, \"strin\" is not one of [\"array\",\"boolean\",\"integer\",\"null\",\"number\",\"object\",\"string\"]. " +
            "Fix: make the value conform to the 2020-12 metaschema (https://json-schema.org/draft/2020-12/meta/validation#/$defs/simpleTypes/enum)",
        }));
    }

    [Test]
    public void Parse_InvalidJson_ReportsCT0201WithPosition()
    {
        var result = JsonSchema.Parse("{\n  \"type\": \"object\",\n  ,\n}", "bad.json");

        Assert.That(result.Schema, Is.Null);
        Assert.That(result.Diagnostics, Has.Count.EqualTo(1));
        var diagnostic = result.Diagnostics[0];
        Assert.That((diagnostic.Code, diagnostic.Line, diagnostic.Column), Is.EqualTo(("CT0201", 3, 3)));
        Assert.That(diagnostic.ToString(), Does.StartWith("bad.json(3,3): error CT0201: the schema is not valid JSON, "));
    }

    [TestCase("{\n  \"type\": \"object\",\n}", "bad.json(3,1): error CT0201: the schema is not valid JSON, the object has a comma after its last member, which JSON does not allow. Fix: correct the JSON syntax at this position")]
    [TestCase("{\n  \"enum\": [1, 2,]\n}", "bad.json(2,17): error CT0201: the schema is not valid JSON, the array has a comma after its last item, which JSON does not allow. Fix: correct the JSON syntax at this position")]
    [TestCase("{\n  \"type\": \"object\"\n  \"required\": []\n}", "bad.json(3,3): error CT0201: the schema is not valid JSON, '\"' is invalid after a value. Expected either ',', '}', or ']'. Fix: correct the JSON syntax at this position")]
    [TestCase("", "bad.json(1,1): error CT0201: the schema is not valid JSON, the file holds no JSON value (it is empty or only white space). Fix: correct the JSON syntax at this position")]
    [TestCase("{\n  \"type\": \"objet\",\n  \"type\": \"object\"\n}", "bad.json(3,3): error CT0201: the schema is not valid JSON, the object names \"type\" twice, so readers may take either value. Fix: correct the JSON syntax at this position")]
    public void Parse_InvalidJson_ReasonWithoutTheReaderJargonOrItsZeroBasedPosition(string json, string expected)
    {
        var diagnostic = JsonSchema.Parse(json, "bad.json").Diagnostics.Single();

        Assert.That(diagnostic.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Parse_NonAsciiBeforeOffendingNode_CountsColumnsInCharacters()
    {
        const string json = "{\n  \"description\": \"äöü €\", \"minimum\": \"x\"\n}";

        var diagnostic = JsonSchema.Parse(json, "s.json").Diagnostics.Single();

        Assert.That((diagnostic.Line, diagnostic.Column), Is.EqualTo((2, 38)));
    }

    [Test]
    public void Parse_SeveralProblems_ReportsAllInSourceOrder()
    {
        const string json = "{\n  \"minimum\": \"a\",\n  \"maxItems\": -1,\n  \"pattern\": \"[\"\n}";

        var codes = JsonSchema.Parse(json, "s.json").Diagnostics.Select(d => $"{d.Code}@{d.Line}").ToList();

        Assert.That(codes, Is.EqualTo(new[] { "CT0202@2", "CT0202@3", "CT0206@4" }));
    }

    [Test]
    public void Parse_UnresolvableRef_NamesTheUri()
    {
        const string json = "{\n  \"$ref\": \"common.schema.json#/$defs/Error\"\n}";

        var diagnostic = JsonSchema.Parse(json, "s.json", baseUri: new Uri("https://contracts.example/pack/s.json")).Diagnostics.Single();

        Assert.That(diagnostic.ToString(), Is.EqualTo(
            "s.json(2,11): error CT0203: \"$ref\" cannot be resolved: https://contracts.example/pack/common.schema.json#/$defs/Error, " +
            "no registered document, embedded $id or anchor has that URI. Fix: correct the reference, or give that document to the loader (in a pack, a file under schemas/ referred to by its relative path; in code, SchemaRegistry.Add/AddDirectory)"));
    }

    [Test]
    public void Parse_RefToMissingPointerInARegisteredDocument_SaysWhatTheDocumentLacksAndSuggests()
    {
        const string json = "{\n  \"$defs\": { \"Error\": {} },\n  \"$ref\": \"#/$defs/Eror\"\n}";

        var diagnostic = JsonSchema.Parse(json, "s.json", baseUri: new Uri("https://contracts.example/pack/s.json")).Diagnostics.Single();

        Assert.That(diagnostic.ToString(), Is.EqualTo(
            "s.json(3,11): error CT0203: \"$ref\" cannot be resolved: https://contracts.example/pack/s.json#/$defs/Eror, " +
            "the document is there but has no \"Eror\" under /$defs. Fix: point the reference at a location the document has; did you mean \"#/$defs/Error\"?"));
    }

    [Test]
    public void Parse_RefToAFileThatDoesNotExist_SaysNoSuchFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "schema-ref-" + Guid.NewGuid().ToString("N"));
        const string json = "{\n  \"$ref\": \"common.schema.json#/$defs/Error\"\n}";

        var diagnostic = JsonSchema.Parse(json, "s.json", baseUri: new Uri(Path.Combine(folder, "s.json"))).Diagnostics.Single();

        Assert.That(diagnostic.ToString(), Is.EqualTo(
            $"s.json(2,11): error CT0203: \"$ref\" cannot be resolved: {new Uri(Path.Combine(folder, "common.schema.json")).AbsoluteUri}#/$defs/Error, " +
            "no such file exists (a relative reference is resolved against the folder of the schema that makes it; nothing is fetched). " +
            "Fix: create the file or correct the reference"));
    }

    [Test]
    public void Parse_StrictUnknownKeyword_SuggestsClosestKeyword()
    {
        const string json = "{\n  \"type\": \"object\",\n  \"requried\": [\"id\"]\n}";

        var diagnostic = JsonSchema.Parse(json, "s.json", Strict).Diagnostics.Single();

        Assert.That(diagnostic.ToString(), Is.EqualTo(
            "s.json(3,3): error CT0204: unknown keyword \"requried\", it is not a keyword of 2020-12 and StrictKeywords is on. Fix: did you mean \"required\"?"));
    }

    [Test]
    public void Parse_UnknownKeywordWithoutStrict_IsIgnored()
    {
        Assert.That(JsonSchema.Parse("{\"x-extension\": 1}").Succeeded, Is.True);
    }

    [Test]
    public void Parse_UnknownDialect_ReportsCT0205()
    {
        var diagnostic = JsonSchema.Parse("{\"$schema\": \"https://example.com/my-dialect\"}", "s.json").Diagnostics.Single();

        Assert.That(diagnostic.Code, Is.EqualTo(SchemaErrorCodes.UnknownDialect));
        Assert.That((diagnostic.Line, diagnostic.Column), Is.EqualTo((1, 13)));
    }

    [Test]
    public void Parse_InvalidRegex_ReportsCT0206()
    {
        var diagnostic = JsonSchema.Parse("{\"patternProperties\": {\"(unclosed\": {}}}", "s.json").Diagnostics.Single();

        Assert.That(diagnostic.Code, Is.EqualTo(SchemaErrorCodes.InvalidRegex));
        Assert.That(diagnostic.What, Is.EqualTo("\"patternProperties\" has an invalid regular expression \"(unclosed\""));
        Assert.That((diagnostic.Line, diagnostic.Column), Is.EqualTo((1, 24)));
    }

    [Test]
    public void LoadFile_MissingFile_ReportsCT0207()
    {
        var diagnostic = JsonSchema.LoadFile("/nonexistent/dir/x.schema.json").Diagnostics.Single();

        Assert.That(diagnostic.Code, Is.EqualTo(SchemaErrorCodes.FileUnreadable));
    }
}
