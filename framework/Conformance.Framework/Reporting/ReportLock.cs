using Conformance.Diagnostics;
using Conformance.Reporting.Allure;
using Conformance.Targets;

namespace Conformance.Reporting;

/// <summary>
/// One run at a time in a reports folder. Two runs writing to one folder (two filtered runs started side by side in one
/// checkout, or CI jobs sharing a workspace) took each other's files: each set the files it found aside and reused them
/// for its own, so one run's Allure results went missing and its writer failed on files the other had deleted. The run
/// holds an exclusive lock on <see cref="FileName"/> in its scorecard's folder from before the first case until it is
/// disposed (the operating system releases it when a run is killed); a run that cannot take it is refused with CT0303
/// before any request is sent.
/// </summary>
internal sealed class ReportLock : IDisposable
{
    public const string FileName = ".conformance-run.lock";

    private readonly FileStream stream;

    private ReportLock(FileStream stream) => this.stream = stream;

    /// <summary>Takes the lock of <paramref name="folder"/> (which exists), or adds why it could not and returns null.</summary>
    public static ReportLock? Take(string folder, List<Diagnostic> errors)
    {
        try
        {
            return new ReportLock(new FileStream(Path.Combine(folder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1));
        }
        catch (IOException)
        {
            errors.Add(TargetResolver.Error(ErrorCodes.InvalidSetting, ReportLocation.Scope, ReportLocation.Key, $"Another run is writing its reports to {folder}",
                "two runs in one folder take each other's files (each sets aside what it finds there and reuses it for its own), so neither report would be whole",
                $"Give this run a folder of its own ({ReportLocation.Scope}.{ReportLocation.Key}, or {SettingsSource.EnvironmentName(ReportLocation.Scope, ReportLocation.Key)}), or start it when the other has ended."));
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null; // a folder nothing can be written in is ReportPlaces' error already
        }
    }

    public void Dispose() => stream.Dispose();
}
