namespace Conformance.Import.Tests;

/// <summary>
/// CT0401 for the reader's errors that carry no JSON Pointer (they were all at the file's start, 1,1): an unknown property
/// (the pointer is in its message) at that key, a JSON syntax error at the line and column its message gives, a value the
/// reader could not convert at the one node holding that value, an unsupported version at its value; where nothing
/// tells the place, (1,1) with a reason that says the reader gave none. An error the reader gives twice is listed once,
/// and an exception it throws (a number too large, a collectionFormat it does not know) is a CT0401, not a stack trace.
/// </summary>
public sealed class ImportReaderErrorPlaceRunTests
{
    private const string Why = "a pack is drafted only from a readable OpenAPI 3.x document with operations. Fix: Give an OpenAPI 3.0 or 3.1 document (JSON or YAML) and correct it where the message points.";

    private const string NoPlace = "the OpenAPI reader gave no place for it (so it is at the file's start), and ";

    [Test]
    public async Task Import_UnknownPropertyOfAnOperation_Ct0401AtThatKey()
    {
        var errors = await ImportAsync("op.yaml", """
            openapi: 3.0.3
            info: {title: t, version: "1"}
            paths:
              /a:
                get:
                  responses:
                    "200": {description: ok}
                  bogus: 1
            """);

        Assert.That(errors, Is.EqualTo(new[] { $"op.yaml(8,7): error CT0401: bogus is not a valid property at #/paths/~1a/get, {Why}" }));
    }

    [Test]
    public async Task Import_UnknownPropertyOfTheSecondParameter_Ct0401AtThatKeyOfThatParameter()
    {
        var errors = await ImportAsync("param.yaml", """
            openapi: 3.0.3
            info: {title: t, version: "1"}
            paths:
              /a:
                get:
                  parameters:
                    - {name: p, in: query, schema: {type: string}}
                    - {name: q, in: query, schema: {type: string}, bogus: 1}
                  responses:
                    "200": {description: ok}
            """);

        Assert.That(errors, Is.EqualTo(new[] { $"param.yaml(8,56): error CT0401: bogus is not a valid property at #/paths/~1a/get/parameters, {Why}" }));
    }

    [Test]
    public async Task Import_UnknownPropertyOfAReferencedSwaggerParameter_Ct0401OnceAtThatKey()
    {
        var errors = await ImportAsync("shared.yaml", """
            swagger: "2.0"
            info: {title: t, version: "1"}
            parameters:
              Q: {name: q, in: query, type: string, bogus: 1}
            paths:
              /a:
                get:
                  parameters:
                    - $ref: '#/parameters/Q'
                  responses:
                    "200": {description: ok}
            """);

        Assert.That(errors, Is.EqualTo(new[] { $"shared.yaml(4,41): error CT0401: bogus is not a valid property at #/parameters/Q, {Why}" }));
    }

    [Test]
    public async Task Import_UnknownPropertyOfAReferencedSwaggerFormDataParameter_Ct0401OnceAtThatKey()
    {
        var errors = await ImportAsync("form.yaml", """
            swagger: "2.0"
            info: {title: t, version: "1"}
            parameters:
              Q: {name: q, in: formData, type: string, bogus: 1}
            paths:
              /a:
                post:
                  consumes: [application/x-www-form-urlencoded]
                  parameters:
                    - $ref: '#/parameters/Q'
                  responses:
                    "200": {description: ok}
            """);

        Assert.That(errors, Is.EqualTo(new[] { $"form.yaml(4,44): error CT0401: bogus is not a valid property at #/parameters/Q, {Why}" }));
    }

    [Test]
    public async Task Import_JsonSyntaxErrorAfterNonAsciiText_Ct0401AtItsLineAndCharacter()
    {
        var errors = await ImportAsync("syntax.json", "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Заказы\",\"version\":\"1\"},\n\"paths\":{\"/a\":{\"get\":{\"description\":\"Ünïcode\",\"responses\":{\"200\":{\"description\":\"ok\"}}}}} x}");

        Assert.That(errors, Is.EqualTo(new[] { $"syntax.json(2,91): error CT0401: Please provide the correct format, 'x' is invalid after a value. Expected either ',', '}}', or ']'. LineNumber: 1 | BytePositionInLine: 92, {Why}" }));
    }

    [Test]
    public async Task Import_ValueTheReaderCannotConvert_Ct0401AtThatValue()
    {
        var errors = await ImportAsync("bool.yaml", """
            openapi: 3.0.3
            info: {title: t, version: "1"}
            paths:
              /a:
                get:
                  parameters:
                    - {name: q, in: query, required: maybe, schema: {type: string}}
                  responses:
                    "200": {description: ok}
            """);

        Assert.That(errors, Is.EqualTo(new[] { $"bool.yaml(7,42): error CT0401: the document could not be read (String 'maybe' was not recognized as a valid Boolean), {Why}" }));
    }

    [Test]
    public async Task Import_ValueTheReaderCannotConvertHeldTwice_Ct0401AtFileStartSayingSo()
    {
        var errors = await ImportAsync("twice.yaml", """
            openapi: 3.0.3
            info: {title: t, version: "1", description: maybe}
            paths:
              /a:
                get:
                  parameters:
                    - {name: q, in: query, required: maybe, schema: {type: string}}
                  responses:
                    "200": {description: ok}
            """);

        Assert.That(errors, Is.EqualTo(new[] { $"twice.yaml(1,1): error CT0401: the document could not be read (String 'maybe' was not recognized as a valid Boolean), the OpenAPI reader gave no place for it and 'maybe' is at 2 places of the document (so it is at the file's start), and {Why}" }));
    }

    [Test]
    public async Task Import_CountTooLargeForTheReader_Ct0401AtThatValueNotACrash()
    {
        var errors = await ImportAsync("large.yaml", """
            swagger: "2.0"
            info: {title: t, version: "1"}
            paths:
              /a:
                get:
                  parameters:
                    - {name: q, in: query, type: string, minLength: 99999999999}
                  responses:
                    "200": {description: ok}
            """);

        Assert.That(errors, Is.EqualTo(new[] { $"large.yaml(7,57): error CT0401: the document could not be read (Value was either too large or too small for an Int32), {Why}" }));
    }

    [TestCase("multipleOf: 1e400", 31, "Decimal")]
    [TestCase("multipleOf: -99999999999999999999999999999999", 31, "Decimal")]
    [TestCase("maxItems: 1e20", 29, "Int32")]
    [TestCase("maxItems: -99999999999", 29, "Int32")]
    [TestCase("maxContains: 99999999999", 32, "UInt32", "3.1.0")]
    [TestCase("minContains: 1e20", 32, "UInt32", "3.1.0")]
    [TestCase("minContains: -1", 32, "UInt32", "3.1.0")]
    public async Task Import_NumberTooLargeForTheReaderInASchema_Ct0401AtThatValue(string keyword, int column, string type, string version = "3.0.3")
    {
        // Review: 3.1's minContains and maxContains, read as unsigned, were at (1,1) with "the OpenAPI reader gave no place".
        var errors = await ImportAsync("number.yaml", $$"""
            openapi: {{version}}
            info: {title: t, version: "1"}
            paths:
              /a:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            v:
                              type: array
                              {{keyword}}
                  responses:
                    "200": {description: ok}
            """);

        Assert.That(errors, Is.EqualTo(new[] { $"number.yaml(14,{column}): error CT0401: the document could not be read (Value was either too large or too small for a{(type == "Int32" ? "n" : string.Empty)} {type}), {Why}" }));
    }

    [Test]
    public async Task Import_MultipleOfTooLargeOnASwaggerParameterInJson_Ct0401AtThatValue()
    {
        var errors = await ImportAsync("step.json", """
            {"swagger":"2.0","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{
              "parameters":[{"name":"q","in":"query","type":"number","multipleOf":1e400}],
              "responses":{"200":{"description":"ok"}}}}}}
            """);

        Assert.That(errors, Is.EqualTo(new[] { $"step.json(2,71): error CT0401: the document could not be read (Value was either too large or too small for a Decimal), {Why}" }));
    }

    [Test]
    public async Task Import_TwoNumbersTooLargeForTheReader_Ct0401AtEachValue()
    {
        // Review: they were one CT0401 at (1,1), "the OpenAPI reader gave no place for it"; the reader stops at one of them.
        var errors = await ImportAsync("two.yaml", """
            openapi: 3.0.3
            info: {title: t, version: "1"}
            paths:
              /a:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {v: {type: number, multipleOf: 1e400}, w: {type: number, multipleOf: 2e400}}}
                  responses:
                    "200": {description: ok}
            """);

        Assert.That(errors, Is.EqualTo(new[]
        {
            $"two.yaml(9,79): error CT0401: the document could not be read (Value was either too large or too small for a Decimal), {Why}",
            $"two.yaml(9,117): error CT0401: the document could not be read (Value was either too large or too small for a Decimal), {Why}",
        }));
    }

    [Test]
    public async Task Import_NoVersionField_Ct0401AtFileStartSayingTheReaderGaveNoPlace()
    {
        var errors = await ImportAsync("noversion.yaml", """
            info: {title: t, version: "1"}
            paths: {}
            """);

        Assert.That(errors, Is.EqualTo(new[] { $"noversion.yaml(1,1): error CT0401: Version node not found, {NoPlace}{Why}" }));
    }

    /// <summary>Imports <paramref name="text"/> as <paramref name="file"/>: its CT0401 lines from the file name on (exit code 2 and nothing written asserted).</summary>
    private static async Task<string[]> ImportAsync(string file, string text)
    {
        using var folder = new ImportFolder();
        var document = Path.Combine(folder.Path, file);
        await File.WriteAllTextAsync(document, text);
        var (code, output, errors) = await ImportFolder.RunAsync(document, "--name", "places", "--out", Path.Combine(folder.Path, "places"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), output + errors);
            Assert.That(Directory.Exists(Path.Combine(folder.Path, "places")), Is.False);
        });
        return [.. errors.Split('\n').Where(l => l.Contains(": error CT0401: ", StringComparison.Ordinal)).Select(l => l[(l.LastIndexOf('/', l.IndexOf('(', StringComparison.Ordinal)) + 1)..].TrimEnd('\r'))];
    }
}
