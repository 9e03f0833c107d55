using static Conformance.Import.Tests.ImportRunTests;

namespace Conformance.Import.Tests;

/// <summary>
/// Numbers drafted for bounds a decimal cannot hold (review): <c>exclusiveMinimum: 1e-400</c> is a decimal's 0 with 28
/// places, so 0.5000000000000000000000000000 was drafted, and <c>minimum: 1e-400</c> drafted 0, which is below it (the
/// validator, reading the bound as 0 too, let it pass without a note). A drafted number meets the bounds as the document
/// writes them and is printed plainly. The validator now reads them exactly too, so 0 between -1e-400 and 1e-400 and
/// 0.1234567890123456789012345679 above 0.1234567890123456789012345678901234 (which it refused, rounding both) pass.
/// </summary>
public sealed class ImportExactNumbersRunTests
{
    [Test]
    public async Task Import_BoundsBeyondADecimal_DraftedNumbersMeetThemExactlyPrintedPlainly()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "tiny", """
            {"openapi":"3.1.0","info":{"title":"N","version":"1"},"paths":{"/n":{"post":{"operationId":"postN",
             "parameters":[{"name":"q","in":"query","required":true,"schema":{"type":"number","exclusiveMinimum":1e-400}}],
             "requestBody":{"content":{"application/json":{"schema":{"type":"object","required":["a","b","c","d","e","f"],"properties":{
               "a":{"type":"number","exclusiveMinimum":1e-400},
               "b":{"type":"number","minimum":1e-400},
               "c":{"type":"number","exclusiveMaximum":-1e-400},
               "d":{"type":"number","exclusiveMinimum":0.1234567890123456789012345678901234},
               "e":{"type":"number","minimum":2.50},
               "f":{"type":"number","exclusiveMinimum":-1e-400,"exclusiveMaximum":1e-400}}}}}},
             "responses":{"200":{"description":"ok"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain("    body: {\"a\":0.5,\"b\":0.5,\"c\":-0.5,\"d\":0.1234567890123456789012345679,\"e\":2.5,\"f\":0}\n"));
            Assert.That(apiYaml, Does.Contain("    query: {\"q\":\"0.5\"}\n"));
            Assert.That(output, Does.Not.Contain("note:"));
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
        });
    }

    [Test]
    public async Task Import_BoundsBeyondADecimalsRange_DraftsTheBoundOrThePowerOfTenPastIt()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, apiYaml, loaded) = await ImportInlineAsync(folder, "huge", """
            {"openapi":"3.1.0","info":{"title":"N","version":"1"},"paths":{"/n":{"post":{"operationId":"postN",
             "requestBody":{"content":{"application/json":{"schema":{"type":"object","required":["a","b","c","d","e","f"],"properties":{
               "a":{"type":"integer","minimum":1e30},
               "b":{"type":"number","exclusiveMinimum":1.5e30},
               "c":{"type":"integer","maximum":-2e40,"multipleOf":5},
               "d":{"type":"number","exclusiveMaximum":-1e300},
               "e":{"type":"integer","minimum":1e30,"maximum":2e30},
               "f":{"type":"number","minimum":1e-400,"maximum":1e30}}}}}},
             "responses":{"200":{"description":"ok"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(apiYaml, Does.Contain("    body: {\"a\":1e30,\"b\":1e31,\"c\":-2e40,\"d\":-1e301,\"e\":1e30,\"f\":0.5}\n"));
            Assert.That(output, Does.Not.Contain("note:"));
            Assert.That(loaded.Invalid.Select(i => i.Message), Is.Empty);
        });
    }

    [Test]
    public async Task Import_BoundsBeyondADecimalsRangeNoValueMeets_NotesTheDraftedValue()
    {
        using var folder = new ImportFolder();
        var (code, output, errors, _, _) = await ImportInlineAsync(folder, "huge", """
            {"openapi":"3.1.0","info":{"title":"N","version":"1"},"paths":{"/n":{"post":{"operationId":"postN",
             "requestBody":{"content":{"application/json":{"schema":{"type":"object","required":["a"],"properties":{
               "a":{"type":"integer","exclusiveMinimum":1e30,"exclusiveMaximum":2e30,"multipleOf":7}}}}}},
             "responses":{"200":{"description":"ok"}}}}}}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output + errors);
            Assert.That(output, Does.Contain("does not meet its schema"));
        });
    }

    [TestCase("1e-400", "0", 1)]
    [TestCase("-1e-400", "0", -1)]
    [TestCase("0.5", "0.5000000000000000000000000000", 0)]
    [TestCase("0.1234567890123456789012345679", "0.1234567890123456789012345678901234", 1)]
    [TestCase("1e400", "79228162514264337593543950335", 1)]
    [TestCase("-2E+3", "-1999.5", -1)]
    [TestCase(".05", "5e-2", 0)]
    [TestCase("0", "-0.0", 0)]
    public void Compare_TwoNumberTexts_SignOfTheirExactDifference(string a, string b, int expected) =>
        Assert.That((NumberText.Compare(a, b), NumberText.Compare(b, a)), Is.EqualTo((expected, -expected)));
}
