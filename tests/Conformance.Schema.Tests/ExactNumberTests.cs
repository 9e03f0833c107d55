using System.Text.Json.Nodes;

namespace Conformance.Schema.Tests;

/// <summary>Numbers beyond decimal and double (1e-400, 1e400, 35 digits) compared, divided and typed exactly.</summary>
[TestFixture]
public sealed class ExactNumberTests
{
    private static List<string> Errors(string schema, string instance)
    {
        var loaded = JsonSchema.Parse(schema);
        Assert.That(loaded.Diagnostics, Is.Empty);
        return loaded.Schema!.Validate(JsonNode.Parse(instance)).Errors.Select(e => e.ToString()).ToList();
    }

    [Test]
    public void Minimum_TinyPositiveLimit_RejectsZero() =>
        Assert.That(Errors("""{"minimum": 1e-400}""", "0"), Is.EqualTo(new[] { ": 0 is less than the minimum 1e-400" }));

    [Test]
    public void ExclusiveMinimum_TinyPositiveLimit_AcceptsTwiceIt() =>
        Assert.That(Errors("""{"exclusiveMinimum": 1e-400}""", "2e-400"), Is.Empty);

    [TestCase("0.1234567890123456789012345679", true)]
    [TestCase("0.1234567890123456789012345678901234", false)]
    [TestCase("0.12345678901234567890123456789012339", false)]
    [TestCase("1.234567890123456789012345678901235e-1", true)]
    public void ExclusiveMinimum_ThirtyFiveDigits_ComparesEveryDigit(string instance, bool valid) =>
        Assert.That(Errors("""{"exclusiveMinimum": 0.1234567890123456789012345678901234}""", instance), valid ? Is.Empty : Is.Not.Empty);

    [TestCase("1e400", true)]
    [TestCase("-1e400", false)]
    [TestCase("1e99999999999999999999999", true)]
    public void Maximum_BeyondDouble_ComparesExactly(string instance, bool aboveLimit) =>
        Assert.That(Errors("""{"exclusiveMaximum": 1e399}""", instance), aboveLimit ? Is.Not.Empty : Is.Empty);

    [TestCase("1e400", true)]
    [TestCase("1.55e1", false)]
    [TestCase("1e-400", false)]
    [TestCase("12.50e1", true)]
    [TestCase("1.0", true)]
    [TestCase("1.00000000000000000000000000001e0", false)]
    [TestCase("2.5e-1", false)]
    public void Type_IntegerInDraft2020_FollowsTheValue(string instance, bool integer) =>
        Assert.That(Errors("""{"type": "integer"}""", instance), integer ? Is.Empty : Is.Not.Empty);

    [TestCase("1.0", false)]
    [TestCase("1e2", false)]
    [TestCase("100", true)]
    public void Type_IntegerInDraft4_IsWrittenWithoutFractionOrExponent(string instance, bool integer) =>
        Assert.That(Errors("""{"$schema": "http://json-schema.org/draft-04/schema#", "type": "integer"}""", instance), integer ? Is.Empty : Is.Not.Empty);

    [TestCase("3e-400", true)]
    [TestCase("1.5e-400", false)]
    [TestCase("1e-399", true)]
    public void MultipleOf_TinyDivisor_LoadsAndDividesExactly(string instance, bool multiple) =>
        Assert.That(Errors("""{"multipleOf": 1e-400}""", instance), multiple ? Is.Empty : Is.EqualTo(new[] { $": {instance} is not a multiple of 1e-400" }));

    [TestCase("1e308", "0.5", true)]
    [TestCase("1e400", "3", false)]
    [TestCase("3e400", "3", true)]
    [TestCase("0.30000000000000000000000000000000000003", "0.00000000000000000000000000000000000001", true)]
    [TestCase("0.3", "0.2", false)]
    public void MultipleOf_BeyondDecimal_DividesExactly(string instance, string divisor, bool multiple) =>
        Assert.That(Errors($$"""{"multipleOf": {{divisor}}}""", instance), multiple ? Is.Empty : Is.Not.Empty);

    [TestCase("""{"const": 0}""", "1e-400", false)]
    [TestCase("""{"const": 1e400}""", "10e399", true)]
    [TestCase("""{"enum": [100]}""", "1e2", true)]
    [TestCase("""{"uniqueItems": true}""", "[1, 1.0, 1e0, 10e-1]", false)]
    [TestCase("""{"uniqueItems": true}""", "[0, 1e-400, -1e-400]", true)]
    public void Equality_ExactValues_NoRounding(string schema, string instance, bool valid) =>
        Assert.That(Errors(schema, instance), valid ? Is.Empty : Is.Not.Empty);

    [Test]
    public void MultipleOf_NegativeTinyDivisor_FailsTheMetaschema()
    {
        var loaded = JsonSchema.Parse("""{"multipleOf": -1e-400}""");

        Assert.That(loaded.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "CT0202" }));
    }
}
