namespace Conformance.Schema.Tests.Suite;

/// <summary>Finds ../shared/json-schema-test-suite beside the repository root (the folder holding Conformance.sln).</summary>
internal static class SuiteLocator
{
    public static string? RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Conformance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName;
    }

    public static string? SuiteRoot()
    {
        var root = RepoRoot();
        if (root is null)
        {
            return null;
        }

        var suite = Path.GetFullPath(Path.Combine(root, "..", "shared", "json-schema-test-suite"));
        return Directory.Exists(Path.Combine(suite, "tests")) ? suite : null;
    }

    public static string MissingMessage =>
        $"JSON-Schema-Test-Suite not found: expected ../shared/json-schema-test-suite beside the folder containing Conformance.sln (searched up from {AppContext.BaseDirectory}).";
}
