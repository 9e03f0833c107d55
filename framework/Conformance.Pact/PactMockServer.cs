using System.Globalization;
using Conformance.Pact.Interop;

namespace Conformance.Pact;

/// <summary>
/// The libpact_ffi mock server for one pact, on 127.0.0.1 and a port the system picks.
/// It answers the pact's requests with their responses and records every mismatch; dispose to stop it.
/// </summary>
public sealed class PactMockServer : IDisposable
{
    private readonly PactDefinition pact;
    private readonly PactModel model;
    private bool disposed;

    private PactMockServer(PactDefinition pact, PactModel model, int port)
    {
        this.pact = pact;
        this.model = model;
        Port = port;
        BaseUri = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    /// <summary>The port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The server's base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUri { get; }

    /// <summary>True when every interaction was requested and no request was unexpected or mismatched.</summary>
    public bool AllMatched
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return NativeMethods.pactffi_mock_server_matched(Port);
        }
    }

    /// <summary>Builds the pact and starts its mock server.</summary>
    public static PactMockServer Start(PactDefinition pact)
    {
        var model = PactModel.Create(pact);
        try
        {
            return new PactMockServer(pact, model, model.StartMockServer("127.0.0.1"));
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>The mismatches so far as the library's JSON array (missing, unexpected and mismatched requests).</summary>
    public string Mismatches()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return NativeStrings.Borrowed(NativeMethods.pactffi_mock_server_mismatches(Port)) ?? "[]";
    }

    /// <summary>The mismatches so far, one sorted line each (empty when none), for assertion messages.</summary>
    public string MismatchReport() => MockServerMismatches.Describe(Mismatches());

    /// <summary>The mock server's log so far, for diagnostics.</summary>
    public string Logs()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return NativeStrings.Borrowed(NativeMethods.pactffi_mock_server_logs(Port)) ?? string.Empty;
    }

    /// <summary>
    /// Writes the pact this server serves, as <see cref="PactWriter.Write"/> does; call it once the consumer's
    /// tests passed and <see cref="AllMatched"/> is true. Returns the file's path.
    /// </summary>
    public string WritePact(string directory)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return PactWriter.WriteModel(model, pact, directory);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            _ = NativeMethods.pactffi_cleanup_mock_server(Port);
            model.Dispose();
        }
    }
}
