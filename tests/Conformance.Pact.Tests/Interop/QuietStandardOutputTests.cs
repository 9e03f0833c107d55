using System.Text;
using Microsoft.Win32.SafeHandles;
using Conformance.Pact.Interop;

namespace Conformance.Pact.Tests.Interop;

/// <summary>
/// fd 1 of this process is pointed at a file for each test (and restored after), and written through descriptor 1 directly (write(2)),
/// as libpact_ffi writes: what reaches the file shows when <see cref="QuietStandardOutput"/> silenced it.
/// </summary>
[NonParallelizable]
[Platform(Exclude = "Win")]
public sealed class QuietStandardOutputTests
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
        original = Libc.Dup(1);
        var target = Libc.Open(file, Libc.WriteOnly | 0x400); // O_APPEND
        Assert.That(Libc.Dup2(target, 1), Is.EqualTo(1));
        _ = Libc.Close(target);
    }

    [TearDown]
    public void RestoreStandardOutput()
    {
        Console.Out.Flush();
        _ = Libc.Dup2(original, 1);
        _ = Libc.Close(original);
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
        // Unbuffered writes to descriptor 1 itself (write(2)), as libpact_ffi writes.
        using var standardOutput = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        standardOutput.Write(Encoding.UTF8.GetBytes(text));
    }
}
