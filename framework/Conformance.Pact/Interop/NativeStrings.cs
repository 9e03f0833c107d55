using System.Runtime.InteropServices;

namespace Conformance.Pact.Interop;

/// <summary>Reads C strings from the library, freeing exactly those the library handed over.</summary>
internal static class NativeStrings
{
    /// <summary>Copies a string the library keeps owning (static, or released by another call).</summary>
    internal static string? Borrowed(IntPtr value) => value == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(value);

    /// <summary>Copies a string the caller owns, then frees it with <c>pactffi_string_delete</c>.</summary>
    internal static string? Owned(IntPtr value)
    {
        if (value == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(value);
        }
        finally
        {
            NativeMethods.pactffi_string_delete(value);
        }
    }
}
