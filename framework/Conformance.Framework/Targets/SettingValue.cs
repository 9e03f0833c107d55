namespace Conformance.Targets;

/// <summary>
/// How a setting's error (CT0303) quotes the value it refuses. A value meant for a number or a switch is short ('many',
/// '-1', 'ture'); a longer one is more likely a secret a CI file mapped to the wrong variable (a token given to
/// CONCURRENCY, a certificate's password to CLIENTCERTIFICATE), and the run does not know it as one: it is described by
/// its length. A certificate setting is quoted when it reads as a file.
/// </summary>
public static class SettingValue
{
    public const int MaxShown = 10;
    private static readonly string[] CertificateFiles = [".pem", ".crt", ".cer", ".der", ".pfx", ".p12", ".key"];

    public static string Quoted(string value) =>
        value.Length <= MaxShown && !value.Any(char.IsControl)
            ? $"'{value}'"
            : $"a value of {value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)} characters (not shown: it may be a secret set in the wrong variable)";

    /// <summary>A certificate file setting: quoted when it names a file that exists, ends like a certificate file, or lies in a folder that exists.</summary>
    public static string File(string path) => IsFileLike(path) ? $"'{path}'" : Quoted(path);

    /// <summary>Why the file could not be used: the exception's message when the path is shown, else only its type (its message quotes the path).</summary>
    public static string Reason(string path, Exception error) => IsFileLike(path) ? error.Message.TrimEnd('.') : error.GetType().Name;

    private static bool IsFileLike(string path) =>
        System.IO.File.Exists(path)
        || CertificateFiles.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase))
        || (path.AsSpan().IndexOfAny('/', '\\') >= 0 && Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path))));
}
