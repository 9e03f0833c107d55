using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.OutputDevice;

namespace Conformance.Trx;

/// <summary>
/// Stands in for the platform's output device under <c>dotnet test</c>: there the SDK owns the terminal and the platform's
/// device shows nothing, so errors and warnings go to standard error (which the SDK shows with a failed run) and the
/// rest is dropped (the report's path shows as the artifact the SDK lists).
/// </summary>
internal sealed class TrxStandardErrorDevice(TextWriter standardError) : IOutputDevice
{
    /// <summary>True when the test app runs under <c>dotnet test</c> (<c>--server dotnettestcli</c>).</summary>
    public static bool IsNeeded(ICommandLineOptions options) =>
        options.TryGetOptionArgumentList("server", out var arguments) && arguments is ["dotnettestcli"];

    public async Task DisplayAsync(IOutputDeviceDataProducer producer, IOutputDeviceData data, CancellationToken cancellationToken)
    {
        var line = data switch
        {
            ErrorMessageOutputDeviceData error => error.Message,
            WarningMessageOutputDeviceData warning => warning.Message,
            _ => null,
        };
        if (line is not null)
        {
            await standardError.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }
}
