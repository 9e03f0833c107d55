using System.Text;
using Conformance.Files;
using Conformance.Reporting.Allure;

namespace Conformance.Framework.Tests.Reporting;

public sealed class ResultFilesTests
{
    private string dir = null!;

    [SetUp]
    public void SetUp() => dir = Directory.CreateDirectory(ReportFixture.TempDir()).FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(dir, true);

    private string Spare(string name, string content)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static Action<Stream> Text(string text) => stream => stream.Write(Encoding.UTF8.GetBytes(text));

    [Test]
    public void Write_SpareLongerThanContent_SpareRenamedAndCutToContent()
    {
        var spare = Spare("old-result.json", new string('x', 10_000));
        var files = new ResultFiles([spare]);
        var target = Path.Combine(dir, "new-result.json");

        files.Write(target, Text("{\"a\":1}"));

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(target), Is.EqualTo("{\"a\":1}"));
            Assert.That(File.Exists(spare), Is.False);
            Assert.That(files.Spare, Is.Zero);
        });
    }

    [Test]
    public void Write_SpareShorterThanContent_WholeContentWritten()
    {
        var files = new ResultFiles([Spare("old-result.json", "{}")]);
        var target = Path.Combine(dir, "new-result.json");
        var content = new string('y', 40_000);

        files.Write(target, Text(content));

        Assert.That(File.ReadAllText(target), Is.EqualTo(content));
    }

    [Test]
    public void Write_NoSpareLeft_NewFileCreated()
    {
        var files = new ResultFiles([Spare("old-result.json", "old")]);
        var first = Path.Combine(dir, "1-result.json");
        var second = Path.Combine(dir, "2-result.json");

        files.Write(first, Text("one"));
        files.Write(second, Text("two"));

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(first), Is.EqualTo("one"));
            Assert.That(File.ReadAllText(second), Is.EqualTo("two"));
            Assert.That(Directory.GetFiles(dir), Has.Length.EqualTo(2));
        });
    }

    [Test]
    public void Write_SpareDeletedMeanwhile_NextSpareOrNewFileUsed()
    {
        var gone = Spare("gone-result.json", "old");
        var files = new ResultFiles([gone]);
        File.Delete(gone);
        var target = Path.Combine(dir, "new-result.json");

        files.Write(target, Text("new"));

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(target), Is.EqualTo("new"));
            Assert.That(files.Spare, Is.Zero);
        });
    }

    [Test]
    public void Write_TargetExists_ThrowsAndLeavesItUntouched()
    {
        var files = new ResultFiles([Spare("old-result.json", "old")]);
        var target = Spare("taken-result.json", "someone else's");

        Assert.Throws<IOException>(() => files.Write(target, Text("new")));
        Assert.That(File.ReadAllText(target), Is.EqualTo("someone else's"));
    }

    [Test]
    public void Write_TakenSpareCannotBeOpened_ReplacedByANewFile()
    {
        var spare = Path.Combine(dir, "old-result.json");
        File.CreateSymbolicLink(spare, Path.Combine(dir, "gone", "nowhere.json"));
        var files = new ResultFiles([spare], reusable: _ => true);
        var target = Path.Combine(dir, "new-result.json");

        files.Write(target, Text("{}"));

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(target), Is.EqualTo("{}"));
            Assert.That(new FileInfo(target).LinkTarget, Is.Null, "a regular file, not the link");
            Assert.That(Directory.Exists(Path.Combine(dir, "gone")), Is.False);
        });
    }

    [Test]
    public void Write_SpareIsASymbolicLinkToAFile_LinkTargetUntouched()
    {
        var outside = Spare("outside.txt", "someone's file");
        var link = Path.Combine(dir, "old-result.json");
        File.CreateSymbolicLink(link, outside);
        var files = new ResultFiles([link]);
        var target = Path.Combine(dir, "new-result.json");

        files.Write(target, Text("{}"));

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(outside), Is.EqualTo("someone's file"));
            Assert.That(File.ReadAllText(target), Is.EqualTo("{}"));
            Assert.That(new FileInfo(target).LinkTarget, Is.Null);
        });
    }

    [Test]
    [Platform("Linux")]
    public void Write_SpareHasASecondHardLink_ArchivedCopyUntouched()
    {
        var archived = Spare("archived-result.json", "{\"archived\":true}");
        var spare = Path.Combine(dir, "old-result.json");
        using (var ln = System.Diagnostics.Process.Start("ln", [archived, spare]))
        {
            ln.WaitForExit();
            Assert.That(ln.ExitCode, Is.Zero, "ln made the hard link");
        }

        var files = new ResultFiles([spare]);
        var target = Path.Combine(dir, "new-result.json");

        files.Write(target, Text("{}"));

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(archived), Is.EqualTo("{\"archived\":true}"));
            Assert.That(File.ReadAllText(target), Is.EqualTo("{}"));
        });
    }

    [Test]
    [Platform("Linux")]
    public void IsSingle_RegularFileLinkAndDirectory_OnlyTheRegularFile()
    {
        var regular = Spare("a.json", "{}");
        var link = Path.Combine(dir, "b.json");
        File.CreateSymbolicLink(link, regular);

        Assert.Multiple(() =>
        {
            Assert.That(PlainFile.IsSingle(regular), Is.True);
            Assert.That(PlainFile.IsSingle(link), Is.False);
            Assert.That(PlainFile.IsSingle(dir), Is.False);
            Assert.That(PlainFile.IsSingle(Path.Combine(dir, "missing.json")), Is.False);
        });
    }
}
