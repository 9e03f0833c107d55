namespace Conformance.Schema.Tests.Suite;

/// <summary>
/// <see cref="SchemaOptions.MisspeltFormats"/> is pack linting, not validation: no format of the official suite (its
/// <c>"format": "unknown"</c> included) reads as misspelt, so turning it on changes no verdict there.
/// </summary>
[TestFixture]
public sealed class MisspeltFormatSuiteTests
{
    [TestCase(null)]
    [TestCase("optional/format")]
    public void SuiteSchemas_WithMisspeltFormatsOn_NoneReportsCT0212(string? subfolder)
    {
        Assert.That(SuiteLocator.SuiteRoot(), Is.Not.Null, SuiteLocator.MissingMessage);
        var reported = SuiteCatalog.Drafts
            .SelectMany(draft => SuiteCatalog.Cases(draft, subfolder).DistinctBy(c => (c.File, c.CaseIndex)))
            .SelectMany(c => JsonSchema.Parse(c.SchemaJson, "schema.json", new SchemaOptions { DefaultDialect = SuiteCatalog.DialectOf(c.Draft), MisspeltFormats = true })
                .Diagnostics.Where(d => d.Code == SchemaErrorCodes.UnknownFormat).Select(d => c.Name + ": " + d))
            .ToList();

        Assert.That(reported, Is.Empty);
    }
}
