namespace Conformance.ReferenceApi.Tests.Support;

/// <summary>Finds files of the repository (contracts/...) from the test's output folder.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Contracts => Path.Combine(Root, "contracts");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Conformance.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
