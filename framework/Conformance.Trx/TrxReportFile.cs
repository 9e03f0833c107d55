using System.Xml.Linq;

namespace Conformance.Trx;

/// <summary>Puts the TRX document on disk: creates the results directory, never overwrites, returns the full path.</summary>
internal static class TrxReportFile
{
    /// <summary>Writes <paramref name="document"/> as <paramref name="fileName"/> (or a free suffixed name) in <paramref name="directory"/>.</summary>
    /// <exception cref="IOException">The directory or file could not be created or written.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission to create or write it.</exception>
    public static string Write(XDocument document, string directory, string fileName)
    {
        Directory.CreateDirectory(directory);
        var path = TrxFileNames.Unique(directory, fileName, Path.Exists);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        TrxXml.Write(document, stream);
        return path;
    }

    /// <summary>The one message shown when the report could not be written: what failed and how to fix it.</summary>
    public static string WriteFailed(string directory, Exception error) =>
        $"TRX report not written to '{directory}': {error.Message} Check that the directory can be created and written to, or choose another with --results-directory. The test results themselves are unaffected.";
}
