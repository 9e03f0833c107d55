using Conformance.Pact.Interop;

namespace Conformance.Pact;

/// <summary>Writes V4 pact files through libpact_ffi.</summary>
public static class PactWriter
{
    /// <summary>
    /// Writes <c>{Consumer}-{Provider}.json</c> (Pact specification V4) into <paramref name="directory"/>,
    /// replacing a file of that name, and returns its full path.
    /// </summary>
    public static string Write(PactDefinition pact, string directory)
    {
        using var model = PactModel.Create(pact);
        return WriteModel(model, pact, directory);
    }

    internal static string WriteModel(PactModel model, PactDefinition pact, string directory)
    {
        var folder = Path.GetFullPath(directory);
        Directory.CreateDirectory(folder);
        model.WriteTo(folder);
        var path = Path.Combine(folder, $"{pact.Consumer}-{pact.Provider}.json");
        if (!File.Exists(path))
        {
            throw new PactException($"libpact_ffi reported success but '{path}' does not exist.");
        }

        return path;
    }
}
