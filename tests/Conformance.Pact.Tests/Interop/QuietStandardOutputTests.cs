using System.Runtime.InteropServices;
using System.Text;
using Conformance.Pact.Interop;

namespace Conformance.Pact.Tests.Interop;

/// <summary>
/// fd 1 of this process is pointed at a file for each test (and restored after), and written with write(2) directly,
/// as libpact_ffi writes: what reaches the file shows when <see cref="QuietStandardOutput"/> silenced it.
/// </summary>
[NonParallelizable]
[Platform(Exclude = "Win")]
public sealed partial class QuietStandardOutputTests
{
    private TempFolder folder = null!;
    private string file = null!;
    private int original = -1;

    [SetUp]
    public void PointStandardOutputAtAFile()
    {
        folder = new TempFolder();
        file = Path.Combine(folder.Path, "stdout.txt");
        File.WriteAllText(file, string.Empty);
        Console.Out.Flush();
        original = Dup(1);
        var target = Open(file, 1 | 0x400); // O_WRONLY | O_APPEND
        Assert.That(Dup2(target, 1), Is.EqualTo(1));
        _ = Close(target);
    }

    [TearDown]
    public void RestoreStandardOutput()
    {
        Console.Out.Flush();
        _ = Dup2(original, 1);
        _ = Close(original);
        folder.Dispose();
    }

    [Test]
    public void Dispose_AfterQuiet_WritesReachStandardOutputAgain()
    {
        Print("before;");
        using (new QuietStandardOutput())
        {
            Print("quiet;");
        }

        Print("after;");

        Assert.That(File.ReadAllText(file), Is.EqualTo("before;after;"));
    }

    [Test]
    public void Dispose_OverlappingInstances_SilentUntilTheLastLeavesThenRestored()
    {
        var first = new QuietStandardOutput();
        var second = new QuietStandardOutput();
        Print("both;");
        first.Dispose();
        Print("second only;");
        second.Dispose();
        Print("after;");
        second.Dispose();
        Print("disposed twice;");

        Assert.That(File.ReadAllText(file), Is.EqualTo("after;disposed twice;"));
    }

    private static void Print(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.That(Write(1, bytes, bytes.Length), Is.EqualTo((nint)bytes.Length));
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "dup")]
    private static partial int Dup(int descriptor);

    [LibraryImport("libc", EntryPoint = "dup2")]
    private static partial int Dup2(int from, int to);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);

    [LibraryImport("libc", EntryPoint = "write")]
    private static partial nint Write(int descriptor, byte[] buffer, nint count);
}
