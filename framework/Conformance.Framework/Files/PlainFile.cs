using System.Runtime.InteropServices;

namespace Conformance.Files;

/// <summary>
/// What kind of file a path is, from <c>statx</c> (Linux only; its layout is the same on every architecture; elsewhere
/// nothing can be told). Used where writing or reading the wrong kind would do harm: a report file overwritten in place
/// (<see cref="IsSingle"/>) and a pack or OpenAPI file read whole (<see cref="NotRegular"/>).
/// </summary>
internal static partial class PlainFile
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxNlink = 0x4;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    /// <summary>
    /// Whether a file may be overwritten in place: a regular file with a single name. Writing through a symbolic link
    /// would change its target, and writing a file with more than one hard link (an archive made with <c>cp -al</c>, say)
    /// would change the other name's content. False wherever it cannot be told.
    /// </summary>
    public static bool IsSingle(string path) =>
        Stat(path, AtSymlinkNoFollow, StatxType | StatxNlink) is (int mode, uint links) && (mode & TypeMask) == RegularFile && links == 1;

    /// <summary>
    /// What <paramref name="path"/> is when it is no regular file, its symbolic links followed ("a character device", "a
    /// pipe", ...); null for a regular file, a path that does not exist, or where it cannot be told (not Linux).
    /// </summary>
    public static string? NotRegular(string path) => Stat(path, 0, StatxType) is (int mode, _)
        ? (mode & TypeMask) switch
        {
            RegularFile => null,
            0x2000 => "a character device",
            0x6000 => "a block device",
            0x1000 => "a pipe (FIFO)",
            0xC000 => "a socket",
            0x4000 => "a folder",
            _ => "no regular file",
        }
        : null;

    /// <summary>The file's mode and link count, or null when <c>statx</c> cannot tell all of <paramref name="mask"/>.</summary>
    private static (int Mode, uint Links)? Stat(string path, int flags, uint mask)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var statx = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, flags, mask, statx) != 0)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        // struct statx: stx_mask (u32) at 0, stx_nlink (u32) at 16, stx_mode (u16) at 28.
        return (BitConverter.ToUInt32(statx, 0) & mask) == mask ? (BitConverter.ToUInt16(statx, 28), BitConverter.ToUInt32(statx, 16)) : null;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] statx);
}
