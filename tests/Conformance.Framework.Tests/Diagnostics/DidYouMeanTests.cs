using Conformance.Diagnostics;

namespace Conformance.Framework.Tests.Diagnostics;

public sealed class DidYouMeanTests
{
    [Test]
    public void Closest_Misspelled_Suggests() =>
        Assert.That(DidYouMean.Closest("status_code_conformence", ["status_code_conformance", "documented_status"]), Is.EqualTo("status_code_conformance"));

    [Test]
    public void Closest_Unrelated_Null() =>
        Assert.That(DidYouMean.Closest("banana", ["status_code_conformance", "documented_status"]), Is.Null);

    [TestCase("status_code", "status_code_conformance")]
    [TestCase("WWW_Authenticate", "www_authenticate_on_401")]
    [TestCase("documented", "documented_status")]
    public void Closest_CutShort_SuggestsTheOnlyNameItBegins(string given, string expected) =>
        Assert.That(DidYouMean.Closest(given, ["status_code_conformance", "documented_status", "www_authenticate_on_401", "body_schema_conformance", "body_value_conformance"]), Is.EqualTo(expected));

    [TestCase("body")]
    [TestCase("sta")]
    public void Closest_PrefixOfSeveralOrTooShort_Null(string given) =>
        Assert.That(DidYouMean.Closest(given, ["status_code_conformance", "documented_status", "body_schema_conformance", "body_value_conformance"]), Is.Null);

    [Test]
    public void Diagnostic_ToString_IdeFormat() =>
        Assert.That(new Diagnostic("CT0103", new SourceLocation("contracts/acme/status.yaml", 14, 9), "Unknown check 'x'", "the checks are a, b", "Use a check id.").ToString(),
            Is.EqualTo("contracts/acme/status.yaml(14,9): error CT0103: Unknown check 'x', the checks are a, b. Fix: Use a check id."));
}
