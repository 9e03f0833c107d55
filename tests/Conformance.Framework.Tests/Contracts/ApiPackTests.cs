using Conformance.Contracts;
using Conformance.Framework.Tests.Checks;

namespace Conformance.Framework.Tests.Contracts;

public sealed class ApiPackTests
{
    private static DocumentedStatus Doc(string code, string meaning) => new(StatusPattern.Parse(code)!, meaning);

    private static BodyContract Contract(string code, string schema) => new(StatusPattern.Parse(code)!, schema, "application/json");

    [Test]
    public void Documented_ClassListedBeforeExact_ExactWins()
    {
        var pack = CheckFixture.Pack with { Statuses = [Doc("5xx", "Server error"), Doc("503", "Service Unavailable")] };

        Assert.That(pack.Documented(503)?.Meaning, Is.EqualTo("Service Unavailable"));
    }

    [Test]
    public void Documented_OnlyTheClassMatches_Class()
    {
        Assert.That(CheckFixture.Pack.Documented(502)?.Meaning, Is.EqualTo("Server error"));
    }

    [Test]
    public void Documented_TwoEntriesSameRank_FirstListed()
    {
        var pack = CheckFixture.Pack with { Statuses = [Doc("404", "Not Found"), Doc("404", "Gone missing")] };

        Assert.That(pack.Documented(404)?.Meaning, Is.EqualTo("Not Found"));
    }

    [Test]
    public void Documented_NothingMatches_Null()
    {
        Assert.That(CheckFixture.Pack.Documented(418), Is.Null);
    }

    [Test]
    public void ErrorContractFor_ClassListedBeforeExact_ExactWins()
    {
        var pack = CheckFixture.Pack with { Errors = [Contract("4xx", "schemas/error.schema.json"), Contract("422", "schemas/validation.schema.json")] };

        Assert.Multiple(() =>
        {
            Assert.That(pack.ErrorContractFor(422)?.Schema, Is.EqualTo("schemas/validation.schema.json"));
            Assert.That(pack.ErrorContractFor(400)?.Schema, Is.EqualTo("schemas/error.schema.json"));
            Assert.That(pack.ErrorContractFor(500), Is.Null);
        });
    }
}
