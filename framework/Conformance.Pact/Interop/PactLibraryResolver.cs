using System.Reflection;
using System.Runtime.InteropServices;

namespace Conformance.Pact.Interop;

/// <summary>Points the runtime at the libpact_ffi.so that the build copied next to this assembly.</summary>
internal static class PactLibraryResolver
{
    internal const string LibraryName = "pact_ffi";
    internal const string FileName = "libpact_ffi.so";

    private static int registered;

    /// <summary>Registers the resolver once per process; later calls do nothing.</summary>
    internal static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(PactLibraryResolver).Assembly, Resolve);
        }
    }

    /// <summary>The file the resolver loads.</summary>
    internal static string LibraryPath
    {
        get
        {
            var location = typeof(PactLibraryResolver).Assembly.Location;
            var folder = string.IsNullOrEmpty(location) ? AppContext.BaseDirectory : Path.GetDirectoryName(location)!;
            return Path.Combine(folder, FileName);
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LibraryName)
        {
            return IntPtr.Zero;
        }

        var path = LibraryPath;
        if (!File.Exists(path))
        {
            throw new DllNotFoundException(
                $"{FileName} is not next to {assembly.GetName().Name}.dll (looked for '{path}'). "
                + "The build fetches it with 'npm ci' in framework/Conformance.Pact/native and copies it to every "
                + "project that references Conformance.Pact. Fix: make sure npm is on PATH and rebuild; only linux-x64 (glibc) is shipped.");
        }

        return NativeLibrary.Load(path);
    }
}
