using System.Runtime.InteropServices;

namespace Conformance.Reporting.Allure;

/// <summary>
/// Whether a file may be overwritten in place: a regular file with a single name. Writing through a symbolic link
/// would change its target, and writing a file with more than one hard link (an archive made with <c>cp -al</c>, say)
/// would change the other name's content. Linux only (<c>statx</c>, whose layout is the same on every architecture);
/// elsewhere nothing is overwritten in place.
/// </summary>
internal static partial class PlainFile
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxNlink = 0x4;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    public static bool IsSingle(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var statx = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType | StatxNlink, statx) != 0)
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }

        // struct statx: stx_mask (u32) at 0, stx_nlink (u32) at 16, stx_mode (u16) at 28.
        var filled = BitConverter.ToUInt32(statx, 0);
        var links = BitConverter.ToUInt32(statx, 16);
        var mode = BitConverter.ToUInt16(statx, 28);
        return (filled & (StatxType | StatxNlink)) == (StatxType | StatxNlink) && (mode & TypeMask) == RegularFile && links == 1;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] statx);
}
