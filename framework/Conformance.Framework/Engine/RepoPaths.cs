namespace Conformance.Engine;

/// <summary>Finds the repository root (the folder holding Conformance.sln) from the running assembly.</summary>
public static class RepoPaths
{
    public static string Root(string? start = null)
    {
        var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln")))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        throw new DirectoryNotFoundException($"No Conformance.sln above {start ?? AppContext.BaseDirectory}; set conformance.contracts to the contracts folder.");
    }
}
