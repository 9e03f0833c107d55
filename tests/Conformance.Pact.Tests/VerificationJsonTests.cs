namespace Conformance.Pact.Tests;

public sealed class VerificationJsonTests
{
    [Test]
    public void Parse_BodyAndStatusMismatches_OneLineEach()
    {
        const string json = """
            {"interactionResults":[{"description":"d","result":"Error","pending":false,"mismatch":{"type":"mismatches","mismatches":[
              {"type":"BodyMismatch","path":"$.a","mismatch":"Expected 'x' (String) to be an integer"},
              {"type":"StatusMismatch","mismatch":"expected 200 but was 500"}]}}]}
            """;

        var result = VerificationJson.Parse(json).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False);
            Assert.That(result.Broken, Is.False);
            Assert.That(result.Mismatch, Is.EqualTo("$.a -> Expected 'x' (String) to be an integer\nexpected 200 but was 500"));
        });
    }

    [Test]
    public void Parse_RequestError_BrokenWithTheMessage()
    {
        const string json = """
            {"interactionResults":[{"description":"d","result":"Error","pending":true,"mismatch":{"type":"error","message":"Request Failed - connection refused"}}]}
            """;

        var result = VerificationJson.Parse(json).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Mismatch, Is.EqualTo("Request Failed - connection refused"));
            Assert.That(result.Pending, Is.True);
            Assert.That(result.Broken, Is.True);
        });
    }

    [Test]
    public void Parse_Passed_NoMismatch()
    {
        var result = VerificationJson.Parse("""{"interactionResults":[{"description":"d","result":"OK"}]}""").Single();

        Assert.That(result, Is.EqualTo(new InteractionVerification("d", true, null)));
    }

    [Test]
    public void Parse_ProviderStates_NamesInOrder()
    {
        var result = VerificationJson.Parse("""{"interactionResults":[{"description":"d","result":"OK","providerStates":["b state","a state"]}]}""").Single();

        Assert.That(result.ProviderStates, Is.EqualTo(new[] { "b state", "a state" }));
    }

    [Test]
    public void Parse_NoInteractionResults_Throws()
    {
        Assert.That(
            () => VerificationJson.Parse("""{"result":true}"""),
            Throws.TypeOf<PactException>().With.Message.EqualTo(
                """The verifier's JSON has no 'interactionResults' array; libpact_ffi 0.5.x writes one. JSON: {"result":true}"""));
    }
}
