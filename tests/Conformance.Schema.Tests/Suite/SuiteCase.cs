namespace Conformance.Schema.Tests.Suite;

/// <summary>One test of the official suite: a schema, an instance and the expected verdict.</summary>
public sealed record SuiteCase(string Draft, string File, int CaseIndex, string SchemaJson, string DataJson, bool Valid, string Name)
{
    public override string ToString() => Name;
}
