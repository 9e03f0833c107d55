using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Conformance.Contracts;

/// <summary>
/// Passes YamlDotNet's parser events through while the file stays readable: nesting at most <see cref="MaxDepth"/>
/// levels (aliases expanded), at most <see cref="MaxNodes"/> nodes once every alias is expanded, or
/// <see cref="PerWritten"/> per value written where that is more (a "billion laughs" file is a few lines; a long table
/// whose rows repeat one shared block is not one), and no alias inside the node it names (a cycle no reader could walk). Anything else stops
/// the load with a <see cref="YamlException"/> at the event's position, in the same pass that builds the tree.
/// </summary>
internal sealed class YamlGuard(IParser inner) : IParser
{
    public const int MaxDepth = 100;
    public const long MaxNodes = 1_000_000;

    /// <summary>How many values one written value may stand for on average once aliases are expanded, above <see cref="MaxNodes"/>.</summary>
    public const long PerWritten = 20;

    private readonly Stack<Frame> open = new();
    private readonly Dictionary<string, Anchor> anchors = new(StringComparer.Ordinal);
    private long nodes;
    private long written;
    private int documents;
    private Mark lastClosed = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    /// <summary>Where the reader stopped: the start of the collection the current event closes, else the event's start.</summary>
    public Mark Where => inner.Current is MappingEnd or SequenceEnd ? lastClosed : inner.Current?.Start ?? Mark.Empty;

    /// <summary>Where each document after the first starts (the file should hold one).</summary>
    public List<Mark> LaterDocuments { get; } = [];

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case DocumentStart start:
                documents++;
                if (documents > 1)
                {
                    LaterDocuments.Add(start.Start);
                }

                break;
            case Scalar scalar:
                written++;
                Add(scalar, 1, 0);
                Define(scalar.Anchor, new Anchor { Size = 1, Complete = true });
                break;
            case AnchorAlias alias:
                written++;
                Expand(alias);
                break;
            case MappingStart or SequenceStart:
                written++;
                Begin((NodeEvent)inner.Current);
                break;
            case MappingEnd or SequenceEnd:
                End();
                break;
            default:
                break;
        }

        return true;
    }

    private void Begin(NodeEvent start)
    {
        Add(start, 1, 1);
        var anchor = new Anchor();
        Define(start.Anchor, anchor);
        open.Push(new Frame(anchor, nodes - 1, start.Start));
    }

    private void End()
    {
        var frame = open.Pop();
        lastClosed = frame.At;
        frame.Anchor.Size = nodes - frame.Start;
        frame.Anchor.Height = frame.Anchor.Height + 1;
        frame.Anchor.Complete = true;
        if (open.TryPeek(out var parent))
        {
            parent.Anchor.Height = Math.Max(parent.Anchor.Height, frame.Anchor.Height);
        }
    }

    private void Expand(AnchorAlias alias)
    {
        if (!anchors.TryGetValue(alias.Value.Value, out var anchor))
        {
            return; // YamlDotNet reports an alias to no anchor itself
        }

        if (!anchor.Complete)
        {
            throw new YamlException(alias.Start, alias.End, $"the alias *{alias.Value.Value} is inside the node &{alias.Value.Value} it repeats, so that node would contain itself forever");
        }

        Add(alias, anchor.Size, anchor.Height);
    }

    /// <summary>Counts a node of <paramref name="size"/> nodes reaching <paramref name="height"/> levels below where it stands.</summary>
    private void Add(ParsingEvent at, long size, int height)
    {
        nodes += size;
        var limit = Math.Max(MaxNodes, written * PerWritten);
        if (nodes > limit)
        {
            throw new YamlException(at.Start, at.End, $"the file expands to more than {limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} values (its aliases repeat nodes that repeat nodes), too many to load");
        }

        if (open.Count + height > MaxDepth)
        {
            throw new YamlException(at.Start, at.End, $"the values nest more than {MaxDepth} levels deep here, deeper than any pack needs");
        }

        if (open.TryPeek(out var parent) && height > parent.Anchor.Height)
        {
            parent.Anchor.Height = height;
        }
    }

    private void Define(AnchorName name, Anchor anchor)
    {
        if (!name.IsEmpty)
        {
            anchors[name.Value] = anchor;
        }
    }

    /// <summary>A node as its aliases see it: how many nodes it expands to and how deep it goes.</summary>
    private sealed class Anchor
    {
        public long Size { get; set; }

        public int Height { get; set; }

        public bool Complete { get; set; }
    }

    private sealed record Frame(Anchor Anchor, long Start, Mark At);
}
