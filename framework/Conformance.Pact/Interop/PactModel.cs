using System.Globalization;

namespace Conformance.Pact.Interop;

/// <summary>A V4 pact built in libpact_ffi from a <see cref="PactDefinition"/>; disposing frees the handle.</summary>
internal sealed class PactModel : IDisposable
{
    private readonly ushort handle;
    private bool disposed;

    private PactModel(ushort handle) => this.handle = handle;

    /// <summary>The native pact handle.</summary>
    internal ushort Handle => handle;

    /// <summary>Builds the pact and all its interactions.</summary>
    internal static PactModel Create(PactDefinition pact)
    {
        // libpact_ffi keeps one interaction per description (a second replaces the first): refuse rather than lose one.
        if (pact.Interactions.GroupBy(i => i.Description, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new PactException($"Two interactions of the pact {pact.Consumer} -> {pact.Provider} share the description '{repeated.Key}'; the pact would keep only one. Give each its own description.");
        }

        PactLog.EnsureBuffer();
        var model = new PactModel(NativeMethods.pactffi_new_pact(pact.Consumer, pact.Provider));
        try
        {
            Check(NativeMethods.pactffi_with_specification(model.handle, PactSpecification.V4), "set specification V4", null);
            foreach (var interaction in pact.Interactions)
            {
                InteractionBuilder.Add(model.handle, interaction);
            }

            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Writes (overwrites) <c>{consumer}-{provider}.json</c> into <paramref name="directory"/>.</summary>
    internal void WriteTo(string directory)
    {
        var status = NativeMethods.pactffi_pact_handle_write_file(handle, directory, overwrite: true);
        if (status != 0)
        {
            var reason = status switch
            {
                1 => "the library panicked",
                2 => "the file could not be written",
                3 => "the pact handle is not valid",
                _ => "unknown error",
            };
            throw Failure($"Writing the pact to '{directory}' failed with code {status.ToString(CultureInfo.InvariantCulture)} ({reason}).");
        }
    }

    /// <summary>Starts the mock server for this pact; returns its port.</summary>
    internal int StartMockServer(string address)
    {
        var port = NativeMethods.pactffi_create_mock_server_for_transport(handle, address, 0, "http", null);
        if (port <= 0)
        {
            var reason = port switch
            {
                -1 => "the pact handle is not valid",
                -2 => "the transport configuration is not valid JSON",
                -3 => "the mock server could not be started",
                -4 => "the library panicked",
                -5 => "the address is not valid",
                _ => "unknown error",
            };
            throw Failure($"Starting the mock server on {address} failed with code {port.ToString(CultureInfo.InvariantCulture)} ({reason}).");
        }

        return port;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            _ = NativeMethods.pactffi_free_pact_handle(handle);
        }
    }

    /// <summary>Throws when a builder call returned false.</summary>
    internal static void Check(bool ok, string step, string? interaction)
    {
        if (!ok)
        {
            var where = interaction is null ? string.Empty : $" for interaction '{interaction}'";
            throw Failure($"libpact_ffi refused to {step}{where}.");
        }
    }

    /// <summary>An exception whose message ends with the tail of the library's log.</summary>
    internal static PactException Failure(string message)
    {
        var log = PactLog.Tail(40);
        return new PactException(log.Length == 0 ? message : $"{message}{Environment.NewLine}libpact_ffi log (last lines):{Environment.NewLine}{log}");
    }
}
